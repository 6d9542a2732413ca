// The built-in worksheet functions of BIFF8 formulas by their index (Ftab, [MS-XLS] 2.5.198.17),
// with the argument count of those that ptgFunc stores without one. Functions missing here make a
// formula undecompilable: its cell keeps its cached value and is counted in a notice.

/** [name, fixed argument count (ptgFunc), or -1 when only ptgFuncVar carries it]. */
const TABLE: Record<number, [string, number]> = {
  0: ["COUNT", -1], 1: ["IF", -1], 2: ["ISNA", 1], 3: ["ISERROR", 1], 4: ["SUM", -1], 5: ["AVERAGE", -1],
  6: ["MIN", -1], 7: ["MAX", -1], 8: ["ROW", -1], 9: ["COLUMN", -1], 10: ["NA", 0], 11: ["NPV", -1],
  12: ["STDEV", -1], 13: ["DOLLAR", -1], 14: ["FIXED", -1], 15: ["SIN", 1], 16: ["COS", 1], 17: ["TAN", 1],
  18: ["ATAN", 1], 19: ["PI", 0], 20: ["SQRT", 1], 21: ["EXP", 1], 22: ["LN", 1], 23: ["LOG10", 1],
  24: ["ABS", 1], 25: ["INT", 1], 26: ["SIGN", 1], 27: ["ROUND", 2], 28: ["LOOKUP", -1], 29: ["INDEX", -1],
  30: ["REPT", 2], 31: ["MID", 3], 32: ["LEN", 1], 33: ["VALUE", 1], 34: ["TRUE", 0], 35: ["FALSE", 0],
  36: ["AND", -1], 37: ["OR", -1], 38: ["NOT", 1], 39: ["MOD", 2], 46: ["VAR", -1], 48: ["TEXT", 2],
  56: ["PV", -1], 57: ["FV", -1], 58: ["NPER", -1], 59: ["PMT", -1], 60: ["RATE", -1], 63: ["RAND", 0],
  64: ["MATCH", -1], 65: ["DATE", 3], 66: ["TIME", 3], 67: ["DAY", 1], 68: ["MONTH", 1], 69: ["YEAR", 1],
  70: ["WEEKDAY", -1], 71: ["HOUR", 1], 72: ["MINUTE", 1], 73: ["SECOND", 1], 74: ["NOW", 0], 75: ["AREAS", 1],
  76: ["ROWS", 1], 77: ["COLUMNS", 1], 78: ["OFFSET", -1], 82: ["SEARCH", -1], 83: ["TRANSPOSE", 1], 86: ["TYPE", 1],
  97: ["ATAN2", 2], 98: ["ASIN", 1], 99: ["ACOS", 1], 100: ["CHOOSE", -1], 101: ["HLOOKUP", -1], 102: ["VLOOKUP", -1],
  105: ["ISREF", 1], 109: ["LOG", -1], 111: ["CHAR", 1], 112: ["LOWER", 1], 113: ["UPPER", 1], 114: ["PROPER", 1],
  115: ["LEFT", -1], 116: ["RIGHT", -1], 117: ["EXACT", 2], 118: ["TRIM", 1], 119: ["REPLACE", 4], 120: ["SUBSTITUTE", -1],
  121: ["CODE", 1], 124: ["FIND", -1], 125: ["CELL", -1], 126: ["ISERR", 1], 127: ["ISTEXT", 1], 128: ["ISNUMBER", 1],
  129: ["ISBLANK", 1], 130: ["T", 1], 131: ["N", 1], 140: ["DATEVALUE", 1], 141: ["TIMEVALUE", 1], 148: ["INDIRECT", -1],
  162: ["CLEAN", 1], 169: ["COUNTA", -1], 183: ["PRODUCT", -1], 184: ["FACT", 1], 190: ["ISNONTEXT", 1],
  193: ["STDEVP", -1], 194: ["VARP", -1], 197: ["TRUNC", -1], 198: ["ISLOGICAL", 1], 212: ["ROUNDUP", 2],
  213: ["ROUNDDOWN", 2], 216: ["RANK", -1], 219: ["ADDRESS", -1], 220: ["DAYS360", -1], 221: ["TODAY", 0],
  227: ["MEDIAN", -1], 228: ["SUMPRODUCT", -1], 261: ["ERROR.TYPE", 1], 276: ["COMBIN", 2], 279: ["EVEN", 1],
  285: ["FLOOR", 2], 288: ["CEILING", 2], 298: ["ODD", 1], 325: ["LARGE", 2], 326: ["SMALL", 2],
  327: ["QUARTILE", 2], 328: ["PERCENTILE", 2], 329: ["PERCENTRANK", -1], 330: ["MODE", -1], 336: ["CONCATENATE", -1],
  337: ["POWER", 2], 342: ["RADIANS", 1], 343: ["DEGREES", 1], 344: ["SUBTOTAL", -1], 345: ["SUMIF", -1],
  346: ["COUNTIF", 2], 347: ["COUNTBLANK", 1], 354: ["ROMAN", -1], 359: ["HYPERLINK", -1], 361: ["AVERAGEA", -1],
  362: ["MAXA", -1], 363: ["MINA", -1],
};

/** The index that ptgFuncVar uses for a function named by its first argument (add-in, newer Excel). */
export const USER_DEFINED = 255;

export function builtinFunction(index: number): { name: string; argc: number } | null {
  const entry = TABLE[index];
  return entry ? { name: entry[0], argc: entry[1] } : null;
}
