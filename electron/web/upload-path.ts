/**
 * Where the page PUTs the bytes of files it uploads (see upload-endpoint.ts). A module of its own so the
 * web host can route by it before the upload code, and the contract schemas it needs, are loaded.
 */
export const UPLOAD_PATH = '/uploads/stage';
