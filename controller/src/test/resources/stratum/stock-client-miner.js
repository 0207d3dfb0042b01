// Mines against a Stratum v1 server through the stock open-source `stratum-client` npm package
// (arnabk/stratum-client, MIT): the package does the wire protocol (subscribe, authorize,
// set_difficulty, notify, submit, its own message ids); this script only finds nonces with
// node:crypto and hands them to the package's submit. Prints one line per event for the Java test:
//   SUBSCRIBED <extranonce1> <size> | DIFFICULTY <d> | JOB <id> | ACCEPTED | REJECTED <error json>
// Usage: node stock-client-miner.js <node_modules dir> <port> <worker> <password>
'use strict';
const path = require('path');
const crypto = require('crypto');
const [modules, port, worker, password] = process.argv.slice(2);
const stratumClient = require(path.join(modules, 'stratum-client'));

const sha256d = (b) =>
  crypto.createHash('sha256').update(crypto.createHash('sha256').update(b).digest()).digest();
// hex of a 32-bit big-endian field, as Stratum sends version/nbits/ntime, to header (little) order
const le32 = (hex) => Buffer.from(hex, 'hex').reverse();
// Stratum's prevhash: every 4-byte word byte-swapped
const swapWords = (buf) => {
  const out = Buffer.alloc(buf.length);
  for (let i = 0; i < buf.length; i += 4) {
    out[i] = buf[i + 3]; out[i + 1] = buf[i + 2]; out[i + 2] = buf[i + 1]; out[i + 3] = buf[i];
  }
  return out;
};
const DIFF1 = BigInt('0x00000000ffff0000000000000000000000000000000000000000000000000000');

let extranonce1 = null;
let extranonce2Size = 0;
let difficulty = 1;
let work = null; // the job being mined
let counter = 0;

// the share target as 32 big-endian bytes, compared bytewise with the hash in display order
function target() {
  // difficulty may be fractional: scale to keep precision
  const scale = 1000000n;
  const t = (DIFF1 * scale) / BigInt(Math.max(1, Math.round(difficulty * 1000000)));
  return Buffer.from(t.toString(16).padStart(64, '0').slice(-64), 'hex');
}

function mine(job) {
  const en2 = (counter++).toString(16).padStart(extranonce2Size * 2, '0').slice(-extranonce2Size * 2);
  const coinbase = Buffer.from(job.coinb1 + extranonce1 + en2 + job.coinb2, 'hex');
  let root = sha256d(coinbase);
  for (const step of job.merkle_branch) {
    root = sha256d(Buffer.concat([root, Buffer.from(step, 'hex')]));
  }
  const header = Buffer.concat([
    le32(job.version), swapWords(Buffer.from(job.prevhash, 'hex')), root,
    le32(job.ntime), le32(job.nbits), Buffer.alloc(4)]);
  const limit = target();
  for (let nonce = 0; nonce < 0x10000; nonce++) {
    header.writeUInt32LE(nonce, 76);
    if (Buffer.compare(sha256d(header).reverse(), limit) <= 0) {
      client.submit({
        worker_name: worker, job_id: job.jobId, extranonce2: en2, ntime: job.ntime,
        nonce: nonce.toString(16).padStart(8, '0'),
      });
      break;
    }
  }
}

function loop() {
  if (work && extranonce1 !== null) {
    mine(work);
  }
  setImmediate(loop);
}

const client = stratumClient({
  server: '127.0.0.1',
  port: Number(port),
  worker,
  password,
  autoReconnectOnError: false,
  onSubscribe: (s) => {
    extranonce1 = s.extraNonce1;
    extranonce2Size = s.extraNonce2Size;
    console.log(`SUBSCRIBED ${extranonce1} ${extranonce2Size}`);
  },
  onNewDifficulty: (d) => { difficulty = d; console.log(`DIFFICULTY ${d}`); },
  onNewMiningWork: (w) => { work = w; console.log(`JOB ${w.jobId}`); },
  onSubmitWorkSuccess: () => console.log('ACCEPTED'),
  onSubmitWorkFail: (error) => console.log(`REJECTED ${JSON.stringify(error)}`),
  onError: (e) => console.log(`ERROR ${e.message}`),
  onClose: () => { console.log('CLOSED'); process.exit(0); },
});
loop();
