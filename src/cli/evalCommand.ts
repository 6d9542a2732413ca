// Placeholder until the `cchc eval` command lands (owned by its issue's module).
export async function run(_args: string[]): Promise<number> {
  process.stderr.write("Lệnh eval chưa sẵn sàng.\n");
  return 2;
}
