/** Local date and time now, as `YYYY-MM-DDTHH:MM`, the form the store keeps. */
export function localNow(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

export function today(): string {
  return localNow().slice(0, 10);
}
