/**
 * `npm run call -- <function> '<json>' [--openid ID]`: the cloud console's "invoke with JSON"
 * (云端测试), against a running local cloud (PORT and BEIAN_DATA_DIR as for npm start).
 * Without --openid it is a console call: it carries `operator: { name: $USER, key }` with the data
 * folder's key unless the JSON has its own `operator`. With --openid it is that WeChat user's call.
 * Prints the envelope; exit code 0 when `ok`, 1 when not, 2 when the call could not be made.
 */
import { CloudClient, cloudUrl, DEFAULT_URL, operatorOf } from './client';
import { dataDirFromEnv } from './data-dir';

const USAGE = `用法：npm run call -- <filing|admin|scheduler> '<json>' [--openid <OPENID>]
例如：npm run call -- admin '{"action":"queue.list","state":"platform_review"}'
      npm run call -- filing '{"action":"filing.list"}' --openid o-demo-filer-a`;

class UsageError extends Error {}

interface CallRequest {
  fn: string;
  event: Record<string, unknown>;
  openid: string | null;
}

function parseArgs(argv: readonly string[]): CallRequest {
  const positional: string[] = [];
  let openid: string | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--openid') {
      openid = argv[i + 1] ?? '';
      i += 1;
    } else if (arg.startsWith('--openid=')) {
      openid = arg.slice('--openid='.length);
    } else if (arg.startsWith('--')) {
      throw new UsageError(`不认识的参数：${arg}`);
    } else {
      positional.push(arg);
    }
  }
  const [fn, json = '{}', ...rest] = positional;
  if (!fn) throw new UsageError('请给出云函数名。');
  if (rest.length > 0) throw new UsageError(`多余的参数：${rest.join(' ')}（JSON 请用单引号括起来）`);
  if (openid === '') throw new UsageError('--openid 后面要跟用户的 OPENID。');
  let event: unknown;
  try {
    event = JSON.parse(json);
  } catch {
    throw new UsageError(`不是合法的 JSON：${json}`);
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new UsageError('事件应为 JSON 对象，例如 {"action":"stats.get"}');
  }
  return { fn, event: event as Record<string, unknown>, openid };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let request: CallRequest;
  try {
    request = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const dir = dataDirFromEnv();
  const event = { ...request.event };
  if (request.openid === null && event.operator === undefined) {
    const operator = operatorOf(dir);
    if (!operator) {
      console.error(`${dir.root} 中没有操作员密钥：先运行 npm start，或设置 BEIAN_OPERATOR_KEY。`);
      return 2;
    }
    event.operator = operator;
  }
  const answer = await new CloudClient(cloudUrl(dir) ?? DEFAULT_URL).invoke(
    request.fn,
    event,
    request.openid,
  );
  console.log(JSON.stringify(answer, null, 2));
  return typeof answer === 'object' && answer !== null && answer.ok === true ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
