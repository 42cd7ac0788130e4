// The e2e bundles load snippet files as text (scripts/e2e/build.mjs: loader "text").
declare module '*.code-snippets' {
  const text: string;
  export default text;
}
