// The lead department section III names for each area: the clerk's setting, else the office
// that usually leads that area at the issuer's level (district: Phòng …; province: Sở …).
import { foldText } from "../core/text";

export type IssuerLevel = "district" | "province" | null;

/** Cities run by the central government: their committee is a province's ("Sở …"). */
const CENTRAL_CITIES = ["ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"];

/** The issuer's level from its name: a district's committee, a province's, or unknown (null). */
export function issuerLevel(issuer: string | null): IssuerLevel {
  if (issuer === null) return null;
  const m = /^(?:uy ban nhan dan|ubnd)\s+(thanh pho|thi xa|huyen|quan|tinh)\s+(.*)$/.exec(foldText(issuer));
  if (!m) return null;
  if (m[1] === "tinh") return "province";
  if (m[1] === "thanh pho") return CENTRAL_CITIES.some((c) => m[2] === c || m[2].startsWith(`${c} `)) ? "province" : "district";
  return "district";
}

interface AreaOffice {
  /** Words of the area's name, folded. */
  words: RegExp;
  district: string;
  province: string;
}

const HOME_AFFAIRS = { district: "Phòng Nội vụ", province: "Sở Nội vụ" };

/** In order: the first match wins ("chỉ đạo, điều hành cải cách hành chính" before "thủ tục hành chính"). */
const AREA_OFFICES: AreaOffice[] = [
  { words: /chi dao|dieu hanh/, ...HOME_AFFAIRS },
  { words: /the che/, district: "Phòng Tư pháp", province: "Sở Tư pháp" },
  { words: /thu tuc hanh chinh|\btthc\b/, district: "Văn phòng HĐND và UBND", province: "Văn phòng UBND tỉnh" },
  { words: /to chuc bo may|cong vu/, ...HOME_AFFAIRS },
  { words: /tai chinh cong/, district: "Phòng Tài chính - Kế hoạch", province: "Sở Tài chính" },
  { words: /chinh quyen dien tu|chinh quyen so|hien dai hoa/, district: "Phòng Văn hóa và Thông tin", province: "Sở Khoa học và Công nghệ" },
];

/**
 * The lead office of area `code` named `name`: the clerk's setting for the code, else the usual
 * office at the issuer's level; null when neither is known (the draft leaves a marked blank).
 */
export function leadOffice(code: string, name: string, level: IssuerLevel, settings?: Readonly<Record<string, string>> | null): string | null {
  const set = settings && Object.prototype.hasOwnProperty.call(settings, code) ? settings[code].trim() : "";
  if (set !== "") return set;
  if (level === null) return null;
  const folded = foldText(name);
  const found = AREA_OFFICES.find((a) => a.words.test(folded));
  return found ? found[level] : null;
}
