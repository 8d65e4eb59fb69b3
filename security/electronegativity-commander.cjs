/* eslint-disable @typescript-eslint/no-require-imports -- a preload given to `node -r` is CommonJS and can only require */
// Preloaded into the Electronegativity CLI (node -r). Electronegativity 1.10 requires 'commander' without
// declaring it and reads options the commander <= 6 way (program.input, not program.opts()); the hoisted
// root copy is the CLI's commander 14, so its require is pointed at the aliased commander 5
// (devDependency "commander-for-electronegativity"). Nothing else's resolution changes.
const Module = require('node:module');
const path = require('node:path');

const scanner = `${path.sep}@doyensec${path.sep}electronegativity${path.sep}`;
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const fromScanner = request === 'commander' && parent && typeof parent.filename === 'string' && parent.filename.includes(scanner);
  return resolve.call(this, fromScanner ? 'commander-for-electronegativity' : request, parent, ...rest);
};
