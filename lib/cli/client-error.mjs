// Requests that Node's HTTP parser refuses (an unknown method, headers over its limit, broken
// framing) never reach Next.js, and Node answers them with an empty body: they get the API's
// JSON refusal instead, and a line in the log.
import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import { logRefusal, refusalHeaders } from "./malformed-api-request.mjs";

function refusalOf(code) {
  if (code === "HPE_HEADER_OVERFLOW") {
    return { status: 431, detail: "The request's headers are too large." };
  }
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") {
    return { status: 408, detail: "The request took too long to arrive." };
  }
  return { status: 400, detail: "The request is not valid HTTP." };
}

/** A node:http server's "clientError" listener. */
export function answerClientError(error, socket, log) {
  // Nothing to answer on a connection the client already dropped, nor, as Node itself does, on
  // one that has carried an answer: the refusal could land in the middle of it.
  if (error.code === "ECONNRESET" || !socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const { status, detail } = refusalOf(error.code);
  const requestId = randomUUID();
  const body = JSON.stringify({ detail });
  const headers = Object.entries({ ...refusalHeaders(requestId, body), Connection: "close" })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}\r\n${body}`);
  logRefusal(log, { requestId, method: null, path: null, status, reason: error.code ?? null });
}
