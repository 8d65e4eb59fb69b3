/**
 * Where the page downloads a backup .zip (`GET`, token and backup id in the query, as a same-origin
 * `<a download>` link cannot send a header) and uploads one to restore (`PUT`, token in its header,
 * as the file uploads do). A module of its own so the web host routes by them before the zip code loads.
 */
export const BACKUP_ZIP_PATH = '/transfers/backup.zip';
export const RESTORE_ZIP_PATH = '/transfers/restore.zip';
