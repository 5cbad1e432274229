import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { canonicalHash, createLogger } from '@mash/shared';
import { DEFAULT_POLICY } from './default-policy';
import { validatePolicy, type PolicyDocument } from './policy-document';
import { PolicyApproval } from './policy-approval.entity';
import { PolicyVersion } from './policy-version.entity';
import { neededFor, refused, Refused, POLICY_REFUSALS, type PolicyChangeEvent, type PolicyChangeKind } from './policy-change';
import { wideningFindings } from './widening';

export interface PolicyStoreOptions {
  dataSource: DataSource;
  /**
   * Called inside the change's transaction: write the audit entry through `manager` so it commits
   * or rolls back with the change; throwing rolls the change back (no unaudited policy change).
   * A refused attempt is reported in a transaction of its own, so it is recorded though nothing changed.
   * Do not use another connection here: embedded mode has one, and it would wait forever.
   */
  onChange: (event: PolicyChangeEvent, manager: EntityManager) => Promise<void>;
  /** How long `active()` trusts what it loaded, in ms. Default 5000. */
  cacheTtlMs?: number;
  now?: () => Date;
}

/** Where a version stands under maker-checker. */
export interface PolicyChecks {
  /** How it widens sharing: a draft against the version in force now; an activated version as recorded when it was activated. */
  widening: string[];
  /** People other than the proposer who must approve, the activator included: 1, or 2 when it widens sharing (0: the default installed on an empty hub). */
  approversNeeded: number;
  /** People other than the proposer who have: recorded approvals, plus the activator once active. */
  approversHave: number;
}

/** Who makes and checks a change made in one call (`proposeAndActivate`). */
export interface PolicyActors {
  proposer: string;
  /** Distinct from the proposer: all but the last approve, the last activates. Two cover a widening change. */
  checkers: string[];
}

interface Loaded {
  at: number;
  record: PolicyVersion | null;
  policy: PolicyDocument | null;
}

const log = createLogger('gateway');

export class PolicyStore {
  private cache: Loaded | null = null;
  /** The load under way, shared by every caller meanwhile: when the cache expires under load, one query, not one per request. */
  private loading: Promise<Loaded> | null = null;
  /** Bumped when the active version changes, so a load started before the change is not kept. */
  private generation = 0;

  constructor(private readonly options: PolicyStoreOptions) {}

  /** The active policy, validated; null when none is active or it fails validation (fail closed). */
  async active(): Promise<PolicyDocument | null> {
    return (await this.load()).policy;
  }

  /** The active version's record, only when its document is valid (what `active()` enforces). */
  async activeVersion(): Promise<PolicyVersion | null> {
    const loaded = await this.load();
    return loaded.policy ? loaded.record : null;
  }

  /** All versions, newest proposal first. */
  history(): Promise<PolicyVersion[]> {
    return this.repository().find({ order: { proposedAt: 'DESC', version: 'DESC' } });
  }

  find(version: string): Promise<PolicyVersion | null> {
    return this.repository().findOneBy({ version });
  }

  /** The approvals recorded for a version, oldest first. */
  approvals(version: string): Promise<PolicyApproval[]> {
    return this.options.dataSource.getRepository(PolicyApproval).find({ where: { version }, order: { at: 'ASC', approver: 'ASC' } });
  }

  /** Widening and approvers needed and had, for any version. */
  async checks(record: PolicyVersion): Promise<PolicyChecks> {
    const approvers = new Set((await this.approvals(record.version)).map((approval) => approval.approver));
    if (record.activatedBy) {
      approvers.add(record.activatedBy);
      approvers.delete(record.proposedBy);
      return { widening: record.widening ?? [], approversNeeded: record.approversNeeded ?? 0, approversHave: approvers.size };
    }
    const widening = await this.wideningOf(record.document);
    return { widening, approversNeeded: neededFor(widening), approversHave: approvers.size };
  }

  /** On an empty table, proposes and activates DEFAULT_POLICY (true); otherwise changes nothing (false). */
  async ensureDefault(actorId: string): Promise<boolean> {
    const installed = await this.options.dataSource.transaction(async (manager) => {
      // Two gateways starting at once must not both seed.
      await manager.query('LOCK TABLE isa_policy_version IN SHARE ROW EXCLUSIVE MODE');
      if ((await manager.count(PolicyVersion)) > 0) return false;
      // The one exemption from maker-checker (the database allows it only on an empty table): a
      // hub with no agreement shares nothing, and the default is what the signatories agreed.
      const reason = 'Default ISA policy installed on first start';
      await this.insertDraft(manager, DEFAULT_POLICY, actorId, reason);
      await this.switchActive(manager, DEFAULT_POLICY.version, actorId, reason, true);
      return true;
    });
    this.invalidate();
    return installed;
  }

  /** Stores a DRAFT; it changes nothing until other governance users check and activate it. */
  async propose(document: unknown, actorId: string, reason: string): Promise<PolicyVersion> {
    requireReason(reason);
    const checked = validatePolicy(document);
    if (!checked.ok) {
      throw badInput(`The ISA policy document is invalid: ${checked.errors.join('; ')}.`, { errors: checked.errors });
    }
    const taken = () => badInput(`Version ${checked.policy.version} already exists and versions never change; propose it under a new version.`);
    try {
      return await this.options.dataSource.transaction(async (manager) => {
        if (await manager.findOneBy(PolicyVersion, { version: checked.policy.version })) throw taken();
        return this.insertDraft(manager, checked.policy, actorId, reason);
      });
    } catch (error) {
      // A concurrent proposal of the same version loses on the unique index.
      if ((error as { code?: string }).code === '23505') throw taken();
      throw error;
    }
  }

  /** Records `actorId`'s approval of a draft; refused (and audited) for the proposer or a second approval by the same person. */
  async approve(version: string, actorId: string, reason: string): Promise<PolicyVersion> {
    requireReason(reason);
    return this.refusable(async (manager) => {
      const target = await this.lockedDraft(manager, version, 'approved');
      const event = this.event('APPROVED', target, actorId, reason);
      if (actorId === target.proposedBy) {
        throw refused(POLICY_REFUSALS.proposerApproves, `You proposed version ${version}, so you cannot approve it: maker-checker needs another governance lead.`, event, 'FORBIDDEN');
      }
      if (await manager.findOneBy(PolicyApproval, { version, approver: actorId })) {
        throw refused(POLICY_REFUSALS.alreadyApproved, `You have already approved version ${version}; one approval per person counts.`, event);
      }
      await manager.insert(PolicyApproval, { version, approver: actorId, reason, at: event.at });
      await this.options.onChange(event, manager);
      return target;
    });
  }

  /**
   * Retires the active version and activates the draft `version` in one transaction. Refused (and
   * audited) when `actorId` proposed it, or when too few others checked it: the activator and the
   * approvers other than the proposer must number 1, or 2 when it widens sharing.
   */
  async activate(version: string, actorId: string, reason: string): Promise<PolicyVersion> {
    requireReason(reason);
    const activated = await this.refusable((manager) => this.switchActive(manager, version, actorId, reason, false));
    this.invalidate();
    return activated;
  }

  /** Withdraws a draft (DRAFT -> RETIRED): it can never be activated. */
  async withdraw(version: string, actorId: string, reason: string): Promise<PolicyVersion> {
    requireReason(reason);
    return this.options.dataSource.transaction(async (manager) => {
      const target = await this.lockedDraft(manager, version, 'withdrawn');
      const event = this.event('WITHDRAWN', target, actorId, reason);
      await manager.update(PolicyVersion, { id: target.id }, { status: 'RETIRED', retiredBy: actorId, retiredAt: event.at, retirementReason: reason });
      await this.options.onChange(event, manager);
      return manager.findOneByOrFail(PolicyVersion, { id: target.id });
    });
  }

  /**
   * Proposes, approves and activates in one call, each step by its own actor and through every
   * check (for seeds, tools and tests); `actors.proposer` cannot be among the checkers.
   */
  async proposeAndActivate(document: unknown, reason: string, actors: PolicyActors = { proposer: 'governance:maker', checkers: ['governance:checker-1', 'governance:checker-2'] }): Promise<PolicyVersion> {
    const proposed = await this.propose(document, actors.proposer, reason);
    const approvers = actors.checkers.slice(0, -1);
    const activator = actors.checkers[actors.checkers.length - 1];
    if (!activator) throw badInput('Name at least one checker other than the proposer.');
    for (const approver of approvers) await this.approve(proposed.version, approver, reason);
    return this.activate(proposed.version, activator, reason);
  }

  private async insertDraft(manager: EntityManager, policy: PolicyDocument, actorId: string, reason: string): Promise<PolicyVersion> {
    const now = this.now();
    const documentHash = canonicalHash(policy);
    const record = manager.create(PolicyVersion, {
      version: policy.version,
      document: policy,
      documentHash,
      status: 'DRAFT',
      proposedBy: actorId,
      proposedAt: now,
      reason,
    });
    await manager.save(record);
    await this.options.onChange({ kind: 'PROPOSED', version: policy.version, documentHash, actorId, reason, at: now }, manager);
    return manager.findOneByOrFail(PolicyVersion, { version: policy.version });
  }

  private async switchActive(manager: EntityManager, version: string, actorId: string, reason: string, firstInstall: boolean): Promise<PolicyVersion> {
    const rows = await manager
      .createQueryBuilder(PolicyVersion, 'v')
      .setLock('pessimistic_write')
      .where('v.version = :version OR v.status = :active', { version, active: 'ACTIVE' })
      .getMany();
    const target = rows.find((row) => row.version === version);
    if (!target) throw badInput(`There is no ISA policy version ${version}; propose it first.`);
    if (target.status !== 'DRAFT') throw badInput(`Version ${version} is ${target.status}; only a DRAFT version can be activated.`);
    const event = this.event('ACTIVATED', target, actorId, reason);
    if (!firstInstall && actorId === target.proposedBy) {
      throw refused(
        POLICY_REFUSALS.proposerActivates,
        `You proposed version ${version}, so you cannot activate it: another governance lead must (maker-checker).`,
        event,
        'FORBIDDEN',
      );
    }
    // Re-check: the rules of validity may have tightened since it was proposed.
    const checked = validatePolicy(target.document);
    if (!checked.ok) throw badInput(`Version ${version} is no longer valid: ${checked.errors.join('; ')}.`, { errors: checked.errors });
    const current = rows.find((row) => row.status === 'ACTIVE') ?? null;
    const widening = wideningFindings(current ? this.checkStored(current) : null, checked.policy);
    const approvals = await manager.find(PolicyApproval, { where: { version } });
    const checkers = [...new Set([...approvals.map((a) => a.approver), actorId])].filter((who) => who !== target.proposedBy);
    const needed = firstInstall ? 0 : neededFor(widening);
    if (checkers.length < needed) {
      const why = widening.length > 0 ? `it widens sharing (${widening.length} finding${widening.length === 1 ? '' : 's'}, first: ${widening[0]})` : 'every change needs one';
      throw refused(
        POLICY_REFUSALS.tooFewApprovers,
        `Version ${version} needs ${needed} approvers other than its proposer, the activator included, because ${why}; ` +
          `it has ${checkers.length} with you. Ask another governance lead to approve it first.`,
        { ...event, widening, checkers },
      );
    }
    const now = event.at;
    if (current) {
      await manager.update(PolicyVersion, { id: current.id }, { status: 'RETIRED', retiredBy: actorId, retiredAt: now, retirementReason: `Replaced by version ${version}` });
    }
    await manager.update(
      PolicyVersion,
      { id: target.id },
      { status: 'ACTIVE', activatedBy: actorId, activatedAt: now, activationReason: reason, approversNeeded: needed, widening },
    );
    await this.options.onChange({ ...event, retiredVersion: current?.version ?? null, checkers, widening }, manager);
    return manager.findOneByOrFail(PolicyVersion, { id: target.id });
  }

  private async lockedDraft(manager: EntityManager, version: string, done: string): Promise<PolicyVersion> {
    const target = await manager.createQueryBuilder(PolicyVersion, 'v').setLock('pessimistic_write').where('v.version = :version', { version }).getOne();
    if (!target) throw badInput(`There is no ISA policy version ${version}; propose it first.`);
    if (target.status !== 'DRAFT') throw badInput(`Version ${version} is ${target.status}; only a DRAFT version can be ${done}.`);
    return target;
  }

  /** Runs a step; a refusal rolls it back, is reported in a transaction of its own, then reaches the caller. */
  private async refusable<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.options.dataSource.transaction(work);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      await this.options.dataSource.transaction((manager) => this.options.onChange(error.event, manager));
      throw error.error;
    }
  }

  private event(kind: PolicyChangeKind, target: PolicyVersion, actorId: string, reason: string): PolicyChangeEvent {
    return { kind, version: target.version, documentHash: target.documentHash, actorId, reason, at: this.now() };
  }

  private async wideningOf(document: unknown): Promise<string[]> {
    const checked = validatePolicy(document);
    if (!checked.ok) return [`This version does not pass validation today (${checked.errors[0]}), so it cannot be activated`];
    return wideningFindings(await this.active(), checked.policy);
  }

  private async load(): Promise<Loaded> {
    const ttl = this.options.cacheTtlMs ?? 5000;
    const nowMs = this.now().getTime();
    if (this.cache && nowMs - this.cache.at < ttl) return this.cache;
    if (this.loading) return this.loading;
    const loading = this.reload(nowMs).finally(() => {
      if (this.loading === loading) this.loading = null;
    });
    this.loading = loading;
    return loading;
  }

  private async reload(nowMs: number): Promise<Loaded> {
    const generation = this.generation;
    const record = await this.repository().findOneBy({ status: 'ACTIVE' });
    const loaded = { at: nowMs, record, policy: record ? this.checkStored(record) : null };
    if (generation === this.generation) this.cache = loaded;
    return loaded;
  }

  /** After a change of the active version: the next `active()` reads it afresh. */
  private invalidate(): void {
    this.generation += 1;
    this.cache = null;
    this.loading = null;
  }

  /** The stored document must still hash to what was proposed and still pass validation. */
  private checkStored(record: PolicyVersion): PolicyDocument | null {
    if (canonicalHash(record.document) !== record.documentHash) {
      log.error('isa_policy_hash_mismatch', { version: record.version });
      return null;
    }
    const checked = validatePolicy(record.document);
    if (!checked.ok) {
      log.error('isa_policy_invalid', { version: record.version, errors: checked.errors.length, first: checked.errors[0] });
      return null;
    }
    if (checked.policy.version !== record.version) {
      log.error('isa_policy_version_mismatch', { version: record.version, documentVersion: checked.policy.version });
      return null;
    }
    return checked.policy;
  }

  private repository() {
    return this.options.dataSource.getRepository(PolicyVersion);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

function requireReason(reason: string): void {
  if (!reason || reason.trim() === '') throw badInput('Give a reason: every ISA policy change records why it was made.');
}

/** BAD_USER_INPUT with the message a user reads; `extra` goes into the extensions (e.g. `errors`). */
export function badInput(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extra } });
}
