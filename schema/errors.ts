// Error codes shared by the domain guards, workflow validators and the API. Each has a message in zh-CN and
// English; the API maps codes to HTTP statuses in one place (api/errors.ts).

export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { zh: '请求内容无效', en: 'The request is invalid' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    zh: '登录失败次数过多，账户已暂时锁定',
    en: 'Too many failed logins: the account is locked for a while',
  },
  RATE_LIMITED: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests, please slow down' },
  ALREADY_EXISTS: { zh: '已存在', en: 'It already exists' },
  WEAK_PASSWORD: { zh: '密码不符合要求', en: 'The password does not meet the policy' },
  FORBIDDEN_ROLE: { zh: '您的角色无权执行此操作', en: 'Your role may not do this' },
  FORBIDDEN_UNIT: { zh: '该案件不属于您的单位', en: 'This case belongs to another unit' },
  CASE_NOT_FOUND: { zh: '案件不存在', en: 'No such case' },
  STAGE_NOT_ALLOWED: { zh: '案件当前阶段不允许此操作', en: 'Not allowed at the case’s current stage' },
  EXTENSION_USED: { zh: '立案核查期限已延长过一次', en: 'The filing period has already been extended once' },
  DATE_IN_FUTURE: { zh: '日期不能晚于今天', en: 'The date cannot be later than today' },
  IDEMPOTENCY_KEY_REUSED: {
    zh: '幂等键已用于另一请求',
    en: 'This idempotency key was used for a different request',
  },
  SERVICE_UNAVAILABLE: { zh: '服务暂不可用，请稍后重试', en: 'Service unavailable, please retry' },
  INTERNAL: { zh: '内部错误', en: 'Internal error' },
  NOT_FOUND: { zh: '资源不存在', en: 'Not found' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface FieldError {
  path: string;
  message: string;
}

/** A refusal by a domain guard: a code and, where useful, parameters for the message. */
export interface Refusal {
  code: ErrorCode;
  detail?: string;
}
