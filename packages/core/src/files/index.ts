/** File storage for uploaded media: the provider contract, the built-in local and S3 providers, the uploads table. */
export * from './file.js'
export type { FileStorageProvider } from './file-storage.js'
export { localFileStorage } from './local-file-storage.js'
export { s3FileStorage, type S3StorageOptions } from './s3-file-storage.js'
export { signRequest as signAwsV4Request, uriEncode as awsUriEncode } from './sigv4.js'
export { sniffImage, type SniffedImage } from './sniff.js'
export { uploadFile, listUploadedFiles, getUploadedFile, deleteUploadedFile, formatMegabytes } from './file.service.js'
export type { FileTables } from './file.table.js'
