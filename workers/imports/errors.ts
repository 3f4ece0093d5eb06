/** Why a whole file was refused (as opposed to one row): the route maps `code` to a status. */
export type ImportFileErrorCode =
  | "unsupported_media_type"
  | "malformed_file"
  | "undecodable_text"
  | "empty_file"
  | "too_many_rows"
  | "invalid_mapping"
  | "missing_columns";

/**
 * A file that cannot be read at all. `message` is written for the person who uploaded the file,
 * so it is safe to show; `code` is stable for programs.
 */
export class ImportFileError extends Error {
  code: ImportFileErrorCode;

  constructor(code: ImportFileErrorCode, message: string) {
    super(message);
    this.name = "ImportFileError";
    this.code = code;
  }
}
