import http from 'node:http';

/**
 * Kept-alive connections, as an integrator's HTTP client keeps them. node:http rather than fetch: undici's fetch cost
 * the benchmark process 1.5–1.9 ms of CPU a request (measured over grants), on the two cores the servers and
 * PostgreSQL share. Every side of a comparison is asked through it.
 */
const agent = new http.Agent({ keepAlive: true });

export interface Answer {
  status: number;
  body: string;
  setCookie: string[];
}

type RequestOptions = { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string };

/**
 * One HTTP request; the answer's status, body and Set-Cookie headers. A kept-alive connection the server closed as
 * idle just as the request went out on it is reset before any answer (the server never read the request): the request
 * is sent again, on another connection, as Node's documentation advises (`request.reusedSocket`).
 */
export async function httpRequest(url: string, options: RequestOptions = {}): Promise<Answer> {
  try {
    return await sendOnce(url, options);
  } catch (error) {
    if (!(error instanceof ResetOnReuse)) throw error;
    return sendOnce(url, options);
  }
}

class ResetOnReuse extends Error {}

function sendOnce(url: string, options: RequestOptions): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? 'GET', agent, headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            setCookie: response.headers['set-cookie'] ?? [],
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(request.reusedSocket && error.code === 'ECONNRESET' ? new ResetOnReuse(error.message) : error),
    );
    request.end(options.body);
  });
}
