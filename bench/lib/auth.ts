// Until accounts exist the API is open; this is where a benchmark will obtain an API key.
let headers: Record<string, string> = {};

export async function prepareAuth(_env: Record<string, string>) {
  headers = {};
  return { env: {} as Record<string, string> };
}

export function benchHeaders(): Record<string, string> {
  return headers;
}
