/** The built content script and its stylesheet, as `scripting` wants them (paths in the package). */
export const CONTENT_SCRIPT = '/content-scripts/content.js';
export const CONTENT_STYLES = '/content-scripts/content.css';
