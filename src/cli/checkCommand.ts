// Placeholder until the `cchc check` command lands (owned by its issue's module).
export async function run(_args: string[]): Promise<number> {
  process.stderr.write("Lệnh check chưa sẵn sàng.\n");
  return 2;
}
