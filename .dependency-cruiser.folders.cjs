/**
 * Folders stand in floors: within the apps and libraries, no folder imports (however indirectly)
 * from a folder that imports it, so no import runs back up a floor. Production code only: a
 * spec may reach across (a platform spec uses the testing kit, which builds on the platform).
 */
const base = require('./.dependency-cruiser.cjs');

module.exports = {
  forbidden: [
    {
      name: 'no-circular-folders',
      comment: 'A folder never imports, however indirectly, from a folder that imports it.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    ...base.options,
    exclude: { path: ['(^|/)dist/', '\\.spec\\.tsx?$', '(^|/)testing/', '^test/'] },
  },
};
