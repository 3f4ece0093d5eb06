import { ImportFileError } from "./errors.ts";

const SAVE_AS_UTF8 =
  'The file is not in a text encoding we can read (UTF-8 or GBK). In Excel choose "Save As" → "CSV UTF-8 (Comma delimited)" and upload again (请在Excel中“另存为”→“CSV UTF-8（逗号分隔）”后重新上传).';

/**
 * Bytes → text. UTF-8 (BOM or not) first; Excel on Chinese Windows saves "CSV" as GBK, so a file
 * that is not valid UTF-8 is decoded as GB18030 (a superset of GBK). UTF-16 with a BOM is
 * Excel's "Unicode Text". Anything else, or text with NULs (UTF-16 without BOM, binary), is refused.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      try {
        text = new TextDecoder("gb18030", { fatal: true, ignoreBOM: false }).decode(bytes);
      } catch {
        throw new ImportFileError("undecodable_text", SAVE_AS_UTF8);
      }
      if (text.includes("\uFFFD")) throw new ImportFileError("undecodable_text", SAVE_AS_UTF8);
    }
  }
  if (text.includes("\u0000")) throw new ImportFileError("undecodable_text", SAVE_AS_UTF8);
  return text;
}

/** Tab-separated when the first line has tabs and no commas (Excel's "Text (Tab delimited)"). */
export function detectDelimiter(text: string): "," | "\t" {
  const end = text.search(/[\r\n]/u);
  const first = end < 0 ? text : text.slice(0, end);
  return first.includes("\t") && !first.includes(",") ? "\t" : ",";
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * RFC 4180 records, cells trimmed: quoted fields with "" escapes, embedded delimiters and line
 * breaks; CRLF, LF or CR line ends. Every physical record is kept (blank ones as []), so index + 1
 * is the row number Excel shows. Lenient where Excel is: a stray quote inside an unquoted field is
 * literal text. A quote left open at the end of the file is an ImportFileError.
 */
export function parseCsv(text: string, delimiter: "," | "\t" = ","): string[][] {
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < n) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) {
          throw new ImportFileError("malformed_file", `Row ${records.length + 1}: a quoted cell is never closed (a " is missing) (第${records.length + 1}行引号未闭合).`);
        }
        parts.push(text.slice(from, close));
        if (text.charCodeAt(close + 1) === QUOTE) {
          parts.push('"');
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      // Text between the closing quote and the delimiter is kept, as Excel does.
      const start = i;
      while (i < n) {
        const ch = text.charCodeAt(i);
        if (ch === sep || ch === LF || ch === CR) break;
        i++;
      }
      value = (parts.join("") + text.slice(start, i)).trim();
    } else {
      const start = i;
      while (i < n) {
        const ch = text.charCodeAt(i);
        if (ch === sep || ch === LF || ch === CR) break;
        i++;
      }
      value = text.slice(start, i).trim();
    }
    record.push(value);
    const ch = text.charCodeAt(i);
    if (ch === sep) {
      i++;
      // A delimiter at the very end of the text still opens one last (empty) cell.
      if (i === n) record.push("");
      continue;
    }
    if (ch === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (ch === LF) i++;
    records.push(record.length === 1 && record[0] === "" ? [] : record);
    record = [];
  }
  if (record.length > 0) records.push(record);
  return records;
}
