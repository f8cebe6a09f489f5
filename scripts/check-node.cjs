// Stops `npm start` and `npm test` at once, in one line, on a Node.js that is too old
// (instead of a stack trace from a dependency). Plain CommonJS so any Node can run it.
'use strict';

const REQUIRED_MAJOR = 22;

/** The problem with this Node version, or null when it will do. */
function nodeProblem(version) {
  const major = Number(String(version).replace(/^v/, '').split('.')[0]);
  if (Number.isInteger(major) && major >= REQUIRED_MAJOR) return null;
  return (
    `CodeMySpec needs Node.js ${REQUIRED_MAJOR} or newer (24 LTS recommended); this is Node.js ${version}. ` +
    'Install it from https://nodejs.org, with nvm ("nvm install 24"), or without touching the system Node: ' +
    '"npm install --prefix ~/.node24 node@24 && export PATH=~/.node24/node_modules/.bin:$PATH".'
  );
}

module.exports = { nodeProblem, REQUIRED_MAJOR };

if (require.main === module) {
  const problem = nodeProblem(process.versions.node);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
