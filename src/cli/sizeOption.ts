// `--max-size MB`: the limit on how much a workbook may unpack to (src/host/file/package/xlsxPackageCheck.ts),
// raised by the clerk for a file that really is that large.
import { DEFAULT_LIMITS, WORST_MEMORY_PER_MB, type PackageLimits } from "../host/file/package/xlsxPackageCheck";
import { XlsxTooLargeError } from "../host/file/package/xlsxReadError";

export const MAX_SIZE_OPTION = "--max-size";

/** The limits from the option's text ("200", "7,5"); a Vietnamese error for anything else. */
export function parseMaxSize(text: string | undefined): PackageLimits | { error: string } {
  if (text === undefined) return DEFAULT_LIMITS;
  const mb = /^\d+([.,]\d+)?$/.test(text) ? Number(text.replace(",", ".")) : NaN;
  if (!(mb > 0) || mb > 4096) {
    return { error: `${MAX_SIZE_OPTION} cần một số MB lớn hơn 0 và không quá 4096, ví dụ ${MAX_SIZE_OPTION} 200 (nhận được "${text}").` };
  }
  return { maxUnpackedBytes: Math.round(mb * 1024 * 1024) };
}

/** MB as GB rounded up to a half ("1,5"), for the memory a raised limit may take. */
function gigabytes(mb: number): string {
  return String(Math.ceil((mb / 1024) * 2) / 2).replace(".", ",");
}

/** An error's message, with how to raise the limit when the file was refused as too large. */
export function readErrorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof XlsxTooLargeError)) return message;
  return `${message} Nếu đúng là tệp này, chạy lại với ${MAX_SIZE_OPTION} ${err.neededMb} (có thể cần tới ${gigabytes(err.neededMb * WORST_MEMORY_PER_MB)} GB bộ nhớ).`;
}
