// Placeholder until the `cchc summary` command lands (owned by its issue's module).
export async function run(_args: string[]): Promise<number> {
  process.stderr.write("Lệnh summary chưa sẵn sàng.\n");
  return 2;
}
