// How the standalone page shows cell values (pure functions, no browser needed).
import { displayValue, formatDecimals } from "../../src/standalone/cellDisplay";
import { resultFileName } from "../../src/standalone/download";

describe("cell display in the standalone grid", () => {
  it("reads the decimals of a number format", () => {
    expect(formatDecimals(undefined)).toBeNull();
    expect(formatDecimals("General")).toBeNull();
    expect(formatDecimals("0.00")).toBe(2);
    expect(formatDecimals("0.000")).toBe(3);
    expect(formatDecimals("0%")).toBe(0);
    expect(formatDecimals("0.00%")).toBe(2);
    expect(formatDecimals("#,##0")).toBe(0);
    expect(formatDecimals('0.0" điểm";-0.0')).toBe(1);
    expect(formatDecimals("@")).toBeNull();
  });

  it("shows numbers as their format asks, without binary noise", () => {
    expect(displayValue(0.1 + 0.2)).toBe("0.3");
    expect(displayValue(12.89, "0.00")).toBe("12.89");
    expect(displayValue(13, "0.00")).toBe("13.00");
    expect(displayValue(1.005, "0.00")).toBe("1.01");
    expect(displayValue(0.9915384615384616, "0.00%")).toBe("99.15%");
    expect(displayValue(0.9196907, "0%")).toBe("92%");
    expect(displayValue("KPS", "0.00")).toBe("KPS");
    expect(displayValue({ error: "#N/A" })).toBe("#N/A");
    expect(displayValue(null)).toBe("");
  });

  it("names the downloaded file after the opened one", () => {
    expect(resultFileName("Bảng điểm xã.xlsx")).toBe("Bảng điểm xã - tổng hợp.xlsx");
    expect(resultFileName("A.XLSX")).toBe("A - tổng hợp.xlsx");
  });
});
