declare module '*.css';
/** A file Vite copies into the build as it is, imported for its URL (`elk-worker.min.js?url`). */
declare module '*?url' {
  const url: string;
  // eslint-disable-next-line no-restricted-syntax -- the shape Vite gives a `?url` import
  export default url;
}
