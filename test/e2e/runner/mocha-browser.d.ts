// Mocha's browser build (mocha/mocha.js), which the web runner bundles: the `mocha` instance it also sets as a global.
declare module 'mocha/mocha.js' {
  const mocha: BrowserMocha;
  export default mocha;
}
