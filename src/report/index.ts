/** The document report: data gathering and the self-contained HTML page. */
export * from './html.js';
export * from './data.js';
