/**
 * Runs the post-run checks (`contract-tests/checks/`) after every other test file. They read the
 * answers the suite recorded, so they must come last; the `contract` project runs its files one at
 * a time (`fileParallelism: false`), which also keeps requests to the real API in order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node'

const isCheck = (spec: TestSpecification) => /[\\/]contract-tests[\\/]checks[\\/]/.test(spec.moduleId)

export class ContractChecksLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    return [...sorted.filter((f) => !isCheck(f)), ...sorted.filter(isCheck)]
  }
}
