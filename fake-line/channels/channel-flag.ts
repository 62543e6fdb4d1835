// `--channel "provider=north,botName=North Café,friends=300,webhookUrl=http://127.0.0.1:3000/hook"`: one
// channel spec on the command line (the flag repeats, one per channel; the environment variable takes
// several separated by ";"). Values are the JSON spec's fields; languages are written `th:80|en:20`.
// Fields are checked with the JSON specs when the fake starts.
const NUMBERS = new Set(["friends", "seed", "sharedPeople"]);

export function parseChannelFlag(text: string): Record<string, unknown> {
  const spec: Record<string, unknown> = {};
  for (const pair of text.split(",")) {
    if (pair.trim() === "") continue;
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new Error(`--channel: "${pair}" is not key=value`);
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (NUMBERS.has(key)) spec[key] = numberOf(key, value);
    else if (key === "monthlyQuota") spec[key] = value.toLowerCase() === "none" ? "none" : numberOf(key, value);
    else if (key === "languages") spec[key] = languagesOf(value);
    else spec[key] = value;
  }
  return spec;
}

function numberOf(key: string, value: string): number {
  const n = Number(value);
  if (value === "" || !Number.isFinite(n)) throw new Error(`--channel: ${key} must be a number, got "${value}"`);
  return n;
}

function languagesOf(value: string): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const part of value.split("|")) {
    const [language, weight] = part.split(":");
    if (!language || weight === undefined) throw new Error(`--channel: languages are written th:80|en:20, got "${value}"`);
    weights[language.trim()] = numberOf(`languages.${language}`, weight.trim());
  }
  return weights;
}
