/** Where the one copy of jieba's WASM binary lives inside the built extension (a public asset). */
export const JIEBA_WASM_PATH = 'jieba/jieba_rs_wasm_bg.wasm';
