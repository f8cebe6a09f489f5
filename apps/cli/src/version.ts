/** What `codemyspec --version` prints. */
export const VERSION = 'codemyspec 0.1.0';
