/**
 * CSS lint (run by `npm run lint`, so by `npm test`). The standard rules catch
 * what a browser silently forgives: an unclosed block (which once made every
 * later rule apply only in dark mode), an unknown property or value, a
 * selector written twice. The few rules below are this project's style, not
 * mistakes.
 */
const config = {
  extends: ['stylelint-config-standard'],
  ignoreFiles: ['.next/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'public/**'],
  rules: {
    // Small rules stay on one line: a component's rules read as a short list.
    'declaration-block-single-line-max-declarations': null,
    'rule-empty-line-before': null,
    'at-rule-empty-line-before': null,
    'comment-empty-line-before': null,
    'custom-property-empty-line-before': null,
    // BEM names; a modifier may be a status value as the code spells it (badge--inProgress).
    'selector-class-pattern': [
      '^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z][a-zA-Z0-9]*(-[a-z0-9]+)*)?$',
      { message: (selector) => `Expected class selector "${selector}" to be block__element--modifier` },
    ],
    // `(max-width: 40rem)` works in every browser we support; range syntax needs Safari 16.4.
    'media-feature-range-notation': 'prefix',
    // Components in one flat file share plain elements (a, p, button): their order is not a specificity contest.
    'no-descending-specificity': null,
  },
};

export default config;
