// Docker HEALTHCHECK for the api image: the slim Node image has no curl or
// wget, and Node's own fetch keeps the image free of extra packages.
// Exit 0 when GET /api/health answers 2xx within the timeout, 1 otherwise.
const port = process.env.PORT || '3000';
const url = `http://127.0.0.1:${port}/api/health`;

try {
  const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
  if (!response.ok) console.error(`${url} answered ${response.status}`);
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  console.error(`${url} unreachable: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
