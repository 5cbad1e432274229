import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { canonicalHash, createLogger } from '@mash/shared';
import { DEFAULT_POLICY } from './default-policy';
import { validatePolicy, type PolicyDocument } from './policy-document';
import { PolicyVersion } from './policy-version.entity';

/** A change to the ISA, reported so it can be audited (ARCHITECTURE.md "Audit and disclosure"). */
export interface PolicyChangeEvent {
  kind: 'PROPOSED' | 'ACTIVATED';
  version: string;
  documentHash: string;
  actorId: string;
  reason: string;
  at: Date;
  /** ACTIVATED only: the version it retired, if any. */
  retiredVersion?: string | null;
}

export interface PolicyStoreOptions {
  dataSource: DataSource;
  /**
   * Called inside the change's transaction: write the audit entry through `manager` so it commits
   * or rolls back with the change; throwing rolls the change back (no unaudited policy change).
   * Do not use another connection here: embedded mode has one, and it would wait forever.
   */
  onChange: (event: PolicyChangeEvent, manager: EntityManager) => Promise<void>;
  /** How long `active()` trusts what it loaded, in ms. Default 5000. */
  cacheTtlMs?: number;
  now?: () => Date;
}

interface Loaded {
  at: number;
  record: PolicyVersion | null;
  policy: PolicyDocument | null;
}

const log = createLogger('gateway');

export class PolicyStore {
  private cache: Loaded | null = null;

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

  /** On an empty table, proposes and activates DEFAULT_POLICY (true); otherwise changes nothing (false). */
  async ensureDefault(actorId: string): Promise<boolean> {
    const installed = await this.options.dataSource.transaction(async (manager) => {
      // Two gateways starting at once must not both seed.
      await manager.query('LOCK TABLE isa_policy_version IN SHARE ROW EXCLUSIVE MODE');
      if ((await manager.count(PolicyVersion)) > 0) return false;
      const reason = 'Default ISA policy installed on first start';
      await this.insertProposal(manager, DEFAULT_POLICY, actorId, reason);
      await this.switchActive(manager, DEFAULT_POLICY.version, actorId, reason);
      return true;
    });
    this.cache = null;
    return installed;
  }

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
        return this.insertProposal(manager, checked.policy, actorId, reason);
      });
    } catch (error) {
      // A concurrent proposal of the same version loses on the unique index.
      if ((error as { code?: string }).code === '23505') throw taken();
      throw error;
    }
  }

  /** Retires the active version and activates `version` in one transaction. */
  async activate(version: string, actorId: string, reason: string): Promise<PolicyVersion> {
    requireReason(reason);
    const activated = await this.options.dataSource.transaction((manager) => this.switchActive(manager, version, actorId, reason));
    this.cache = null;
    return activated;
  }

  private async insertProposal(manager: EntityManager, policy: PolicyDocument, actorId: string, reason: string): Promise<PolicyVersion> {
    const now = this.now();
    const documentHash = canonicalHash(policy);
    const record = manager.create(PolicyVersion, {
      version: policy.version,
      document: policy,
      documentHash,
      status: 'PROPOSED',
      proposedBy: actorId,
      proposedAt: now,
      reason,
    });
    await manager.save(record);
    await this.options.onChange({ kind: 'PROPOSED', version: policy.version, documentHash, actorId, reason, at: now }, manager);
    return manager.findOneByOrFail(PolicyVersion, { version: policy.version });
  }

  private async switchActive(manager: EntityManager, version: string, actorId: string, reason: string): Promise<PolicyVersion> {
    const rows = await manager
      .createQueryBuilder(PolicyVersion, 'v')
      .setLock('pessimistic_write')
      .where('v.version = :version OR v.status = :active', { version, active: 'ACTIVE' })
      .getMany();
    const target = rows.find((row) => row.version === version);
    if (!target) throw badInput(`There is no ISA policy version ${version}; propose it first.`);
    if (target.status !== 'PROPOSED') {
      throw badInput(`Version ${version} is ${target.status}; only a PROPOSED version can be activated.`);
    }
    // Re-check: the rules of validity may have tightened since it was proposed.
    const checked = validatePolicy(target.document);
    if (!checked.ok) throw badInput(`Version ${version} is no longer valid: ${checked.errors.join('; ')}.`, { errors: checked.errors });
    const now = this.now();
    const current = rows.find((row) => row.status === 'ACTIVE') ?? null;
    if (current) await manager.update(PolicyVersion, { id: current.id }, { status: 'RETIRED', retiredBy: actorId, retiredAt: now });
    await manager.update(
      PolicyVersion,
      { id: target.id },
      { status: 'ACTIVE', activatedBy: actorId, activatedAt: now, activationReason: reason },
    );
    await this.options.onChange(
      { kind: 'ACTIVATED', version, documentHash: target.documentHash, actorId, reason, at: now, retiredVersion: current?.version ?? null },
      manager,
    );
    return manager.findOneByOrFail(PolicyVersion, { id: target.id });
  }

  private async load(): Promise<Loaded> {
    const ttl = this.options.cacheTtlMs ?? 5000;
    const nowMs = this.now().getTime();
    if (this.cache && nowMs - this.cache.at < ttl) return this.cache;
    const record = await this.repository().findOneBy({ status: 'ACTIVE' });
    this.cache = { at: nowMs, record, policy: record ? this.checkStored(record) : null };
    return this.cache;
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

function badInput(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extra } });
}
