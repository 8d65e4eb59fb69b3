// One formatter for the app and the CLI, so a size reads the same everywhere.
export { formatBytes } from '../../../shared/format-bytes';
