/** Where the name tagger's model lives inside the built extension (a public asset) and in the repository (`public/`). */
export const NAME_MODEL_PATH = 'models/names-v1.bin';
