// writeFileSafely: a write that fails leaves neither OUT nor a temporary file behind.
import * as fsModule from "fs";
import * as os from "os";
import * as path from "path";
import { writeFileSafely } from "../../src/cli/summaryWrite";

const fs = fsModule.promises;
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-write-"));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

const BYTES = new Uint8Array(1024).fill(7);

describe("writeFileSafely", () => {
  it("writes OUT and leaves nothing else", async () => {
    const out = path.join(dir, "ket-qua.xlsx");
    await writeFileSafely(out, BYTES, false);
    expect(await fs.readdir(dir)).toEqual(["ket-qua.xlsx"]);
    expect((await fs.readFile(out)).length).toBe(1024);
  });

  it("removes the partial temporary file when the write fails half way (disk full)", async () => {
    const realWrite = fs.writeFile.bind(fs);
    jest.spyOn(fs, "writeFile").mockImplementation(async (file, _data, options) => {
      await realWrite(file, BYTES.subarray(0, 100), options as fsModule.WriteFileOptions);
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    });
    const out = path.join(dir, "ket-qua.xlsx");
    await expect(writeFileSafely(out, BYTES, false)).rejects.toMatchObject({ code: "ENOSPC" });
    expect(await fs.readdir(dir)).toEqual([]);
    await expect(writeFileSafely(out, BYTES, true)).rejects.toMatchObject({ code: "ENOSPC" });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it("leaves alone whatever already sits at the temporary name, reporting that error", async () => {
    jest.spyOn(Date, "now").mockReturnValue(1_700_000_000_000);
    const out = path.join(dir, "ket-qua.xlsx");
    const temp = path.join(dir, `.ket-qua.xlsx.${process.pid}.${(1_700_000_000_000).toString(36)}.tmp`);
    await fs.mkdir(temp);
    await expect(writeFileSafely(out, BYTES, false)).rejects.toMatchObject({ code: "EEXIST" });
    expect((await fs.stat(temp)).isDirectory()).toBe(true);
    expect(await fs.readdir(dir)).toEqual([path.basename(temp)]);
  });
});
