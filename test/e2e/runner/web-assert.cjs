// node:assert/strict for the web runner's bundle (scripts/e2e/build.mjs): the `assert` package is Node's assert
// module for browsers, and its `strict` is what node:assert/strict exports.
module.exports = require('assert').strict;
