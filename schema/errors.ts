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
  PAYLOAD_TOO_LARGE: { zh: '请求体过大', en: 'The request body is too large' },
  PHASE_ENDED: {
    zh: '案件正在转入下一阶段，请稍后重试',
    en: 'The case is moving to its next phase; please retry',
  },
  EXTENSION_USED: { zh: '立案核查期限已延长过一次', en: 'The filing period has already been extended once' },
  PERIOD_EXPIRED: {
    zh: '期限已届满，不能再延长（延长须在期限届满前批准）',
    en: 'The period has run out: an extension must be granted before it ends',
  },
  DATE_IN_FUTURE: { zh: '日期不能晚于今天', en: 'The date cannot be later than today' },
  IDEMPOTENCY_KEY_REUSED: {
    zh: '幂等键已用于另一请求',
    en: 'This idempotency key was used for a different request',
  },
  LIMITATION_EXPIRED: {
    zh: '已超过追责时效（行政处罚法第三十六条），立案须负责人说明理由',
    en: 'The limitation period has expired (APL art. 36): filing needs the head’s written reason',
  },
  EXEMPTION_UNKNOWN: {
    zh: '规则包中没有该免罚清单条目',
    en: 'The case’s rule pack has no such exemption-list item',
  },
  TEAM_TOO_SMALL: {
    zh: '调查取证须有两名以上不同的执法人员（行政处罚法第四十二条）',
    en: 'An investigation step needs at least two distinct officers (APL art. 42)',
  },
  OFFICER_NOT_CERTIFIED: {
    zh: '执法人员须持有执法证件并属于本单位',
    en: 'Each officer must hold a law-enforcement certificate and belong to the case’s unit',
  },
  ACTOR_NOT_IN_TEAM: {
    zh: '操作人须为参与的执法人员之一',
    en: 'The acting officer must be one of the officers',
  },
  REVIEWER_INVESTIGATED: {
    zh: '审核人员不得为本案调查人员',
    en: 'The reviewer must not have investigated this case',
  },
  APPROVAL_NOT_PENDING: { zh: '没有待审批的该事项', en: 'No such request is awaiting approval' },
  MEASURE_NOT_ACTIVE: { zh: '该强制措施不处于有效状态', en: 'That measure is not in force' },
  CASE_EXTENSION_USED: {
    zh: '负责人已延长过办案期限，再延长须经集体讨论',
    en: 'The head has already extended the case period; further extension needs collective discussion',
  },
  COLLECTIVE_TOO_EARLY: {
    zh: '集体讨论延长须在负责人延长之后',
    en: 'Collective discussion extends only after the head’s extension',
  },
  CASE_SUSPENDED: { zh: '案件已中止', en: 'The case is suspended' },
  CASE_NOT_SUSPENDED: { zh: '案件未中止', en: 'The case is not suspended' },
  SIMPLIFIED_OVER_LIMIT: {
    zh: '超出简易程序的处罚种类或罚款限额（行政处罚法第五十一条）',
    en: 'Beyond the simplified procedure’s penalty types or fine limit (APL art. 51)',
  },
  PENALTY_BARRED_BY_TRANSFER: {
    zh: '案件已移送司法机关，不得以行政处罚代替刑事处罚（行政处罚法第二十七条）',
    en: 'The case was transferred as a suspected crime: no administrative penalty for the same facts (APL art. 27)',
  },
  TRANSFER_STEP_NOT_ALLOWED: {
    zh: '移送程序当前不允许此步骤',
    en: 'That step does not follow from where the transfer stands',
  },
  OPEN_STEPS: {
    zh: '尚有未完成的调查事项（检测、强制措施、协查、待审批事项）',
    en: 'Investigation steps are still open (tests, measures, assistance requests, pending approvals)',
  },
  NOT_FOUND_IN_CASE: { zh: '本案中没有该记录', en: 'No such record in this case' },
  SERVICE_UNAVAILABLE: { zh: '服务暂不可用，请稍后重试', en: 'Service unavailable, please retry' },
  INTERNAL: { zh: '内部错误', en: 'Internal error' },
  NOT_FOUND: { zh: '资源不存在', en: 'Not found' },
  COMPLAINT_NOT_FOUND: { zh: '投诉不存在', en: 'No such complaint' },
  COMMAND_NOT_AUTHENTICATED: {
    zh: '指令未经认证（API 与 worker 须使用相同的指令密钥）',
    en: 'The command could not be authenticated (the API and the workers need the same command key)',
  },
  LISTING_NOT_FOUND: { zh: '信用名单记录不存在', en: 'No such credit listing' },
  LISTING_APPROVAL_ELSEWHERE: {
    zh: '该决定应由上一级市场监管部门负责人作出',
    en: 'This decision belongs to a head of the approving unit (one level up)',
  },
  LISTING_REMOVAL_TOO_EARLY: {
    zh: '列入严重违法失信名单未满一年，不得申请提前移出',
    en: 'Early removal may be applied for only after a year on the serious violations list',
  },
  LISTING_REMOVAL_PENDING: {
    zh: '已有尚未决定的移出申请',
    en: 'A removal application is already awaiting its decision',
  },
  LISTING_NO_REMOVAL_PENDING: {
    zh: '没有待决定的移出申请',
    en: 'No removal application awaits a decision',
  },
  LISTING_CASE_INVALID: {
    zh: '列入严重违法失信名单须依据本单位已送达的行政处罚决定，且当事人一致',
    en: 'A serious listing needs a served penalty decision of this unit, against the same entity',
  },
  MEDIATION_CONSENT_REQUIRED: {
    zh: '调解须经投诉人和被投诉人双方同意',
    en: 'Mediation needs the consent of both the complainant and the respondent',
  },
  MEDIATION_ALREADY_PAUSED: { zh: '调解期限已中止计算', en: 'The mediation period is already paused' },
  MEDIATION_NOT_PAUSED: { zh: '调解期限未中止', en: 'The mediation period is not paused' },
  TRANSFER_TARGET_INVALID: { zh: '移送目标单位无效', en: 'The complaint cannot be transferred to that unit' },
  REVIEW_DONE: { zh: '该审核已作出意见', en: 'That review has already given its opinion' },
  LEGAL_QUALIFICATION_MISSING: {
    zh: '法制审核人员须取得法律职业资格（行政处罚法第五十八条）',
    en: 'A legal reviewer needs the legal professional qualification (APL art. 58)',
  },
  LEGAL_REVIEW_MISSING: {
    zh: '本案须经法制审核通过后方可作出决定（行政处罚法第五十八条）',
    en: 'This case needs an approving legal review before the decision (APL art. 58)',
  },
  COLLECTIVE_DISCUSSION_REQUIRED: {
    zh: '本案须经负责人集体讨论决定（行政处罚法第五十七条）',
    en: 'This case must be decided by a collective discussion of the heads (APL art. 57)',
  },
  PENALTY_EXCEEDS_NOTICE: {
    zh: '决定的处罚不得重于告知的处罚（行政处罚法第四十五条）',
    en: 'The decision may not impose more than the party was notified of (APL art. 45)',
  },
  NOTICE_REQUIRED: {
    zh: '未告知当事人拟作出的行政处罚，不得作出处罚决定（行政处罚法第六十二条）',
    en: 'No penalty without first notifying the party of it (APL art. 62)',
  },
  NO_HEARING_RIGHT: {
    zh: '拟作出的处罚不属于听证范围（行政处罚法第六十三条）',
    en: 'The proposed penalty carries no hearing right (APL art. 63)',
  },
  DEFENCE_PERIOD_OVER: {
    zh: '陈述申辩、听证申请期限已结束',
    en: 'The period for statement, defence and a hearing request has ended',
  },
  HEARING_NOTICE_TOO_LATE: {
    zh: '听证通知须在听证七日前送达（行政处罚法第六十四条）',
    en: 'The hearing notice must reach the party at least 7 working days before the hearing (APL art. 64)',
  },
  ESERVICE_NO_CONSENT: {
    zh: '电子送达须经当事人书面同意',
    en: 'Electronic service needs the party’s signed consent',
  },
  DOCUMENT_NOT_DUE: {
    zh: '案件尚未进行到需要该文书的步骤',
    en: 'The case has not reached the step this document records',
  },
  DOCUMENT_ALREADY_ISSUED: {
    zh: '该文书已制作；如需更正，请制作新版本并说明理由',
    en: 'This document has been issued; a correction is a new version with its reason',
  },
  DOCUMENT_SERVED_BY_PROCEDURE: {
    zh: '该文书的送达由案件程序记录（送达告知书、决定书或催告书）',
    en: 'This document’s service is recorded by the case’s own step (serving the notice, the decision or the demand)',
  },
  CASE_FILE_ARCHIVED: {
    zh: '案卷已归档，不能再制作或更正文书',
    en: 'The case file is archived: no document may be issued or corrected',
  },
  CASE_NOT_CLOSED: {
    zh: '案件尚未结案，案卷在结案时归档',
    en: 'The case is not closed: the case file is archived at closure',
  },
  DOCUMENT_FONTS_MISSING: {
    zh: '服务器缺少文书字体（fonts-noto-cjk），请联系管理员',
    en: 'The server lacks the documents’ fonts (fonts-noto-cjk); ask the administrator',
  },
  CASE_TOO_LARGE: {
    zh: '本案记录的数据已达上限，不能再添加；请完成或移送本案，大量材料以附件形式提交',
    en: 'This case holds as much data as it may: nothing more can be added; finish the case, and attach bulky material as files',
  },
  LIST_FULL: {
    zh: '该记录已达上限',
    en: 'This record has reached its limit',
  },
  PAYMENT_NOT_OWED: {
    zh: '本案没有应缴款项，或该笔款项超过未缴金额',
    en: 'Nothing of that kind is owed, or the payment exceeds what is outstanding',
  },
  ARRANGEMENT_INVALID: {
    zh: '延期（分期）缴纳罚款的期限或金额不符合要求（行政处罚法第六十六条）',
    en: 'The deferral or instalments do not fit what is outstanding (APL art. 66)',
  },
  ENFORCEMENT_NOT_YET: {
    zh: '复议、诉讼期限届满且当事人仍未履行后，方可催告和申请强制执行（行政强制法第五十三条）',
    en: 'Demand and court enforcement come only after the appeal periods lapsed unused and the party still has not paid (ACL art. 53)',
  },
  ENFORCEMENT_TOO_EARLY: {
    zh: '催告书送达十个工作日后方可申请强制执行（行政强制法第五十四条）',
    en: 'The court may be asked only 10 working days after the payment demand was served (ACL art. 54)',
  },
  ENFORCEMENT_TOO_LATE: {
    zh: '已超过申请强制执行的三个月期限（行政强制法第五十三条）',
    en: 'The three months for applying to the court have passed (ACL art. 53)',
  },
  REMEDY_NOT_PENDING: {
    zh: '该复议或诉讼不存在或已有结果',
    en: 'No such reconsideration or lawsuit is pending',
  },
  PUBLICITY_NOT_DUE: {
    zh: '本决定无需公示、已公示或已撤下',
    en: 'This decision is not to be published, or is published or withdrawn already',
  },
  REPAIR_EXCLUDED: {
    zh: '该处罚种类不得提前停止公示（市场监督管理行政处罚信息公示规定第十四条）',
    en: 'Penalties of this kind cannot be removed early (PUB art. 14)',
  },
  REPAIR_TOO_EARLY: {
    zh: '尚未到可以申请信用修复的时间',
    en: 'It is too early to apply for credit repair',
  },
  REPAIR_NOT_CARRIED_OUT: {
    zh: '行政处罚尚未履行完毕，不予信用修复',
    en: 'The penalty has not been carried out: no credit repair',
  },
  REPAIR_CONDITIONS_UNMET: {
    zh: '不符合信用修复条件',
    en: 'The conditions for credit repair are not met',
  },
  REPAIR_NOT_NEEDED: {
    zh: '轻微失信信息公示期满自动停止，无需申请修复',
    en: 'A minor record stops being shown by itself: no repair is needed',
  },
  CLOSURE_CONDITIONS_OPEN: {
    zh: '尚不具备结案条件',
    en: 'The case cannot be closed yet',
  },
  REWARD_INSIDER_NOT_HIGHER: {
    zh: '内部知情人员奖励金额应高于该等级的奖励金额',
    en: 'An insider’s raised reward must be above the grade’s amount',
  },
  REWARD_OVER_CAP: {
    zh: '奖励金额超过每案奖励上限',
    en: 'The reward is above the cap per case',
  },
  REWARD_NOT_APPLICABLE: {
    zh: '本案不涉及举报奖励，或已作出奖励决定',
    en: 'No reporter reward applies to this case, or it was decided already',
  },
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

/** A refused command or request: a stable code, per-field errors for forms and a detail for logs. Thrown by the
 * API and the shared services; the API maps the code to an HTTP status (api/errors.ts), and an activity that
 * calls a service turns it into a non-retryable failure. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
    readonly detail?: string,
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'AppError';
  }
}
