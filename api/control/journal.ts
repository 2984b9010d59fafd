/** One answered (or dropped) i'mport request as `GET /__mock/requests` lists it; never a body. */
import type { Static } from 'typebox'
import type { JournalEntrySchema } from './schemas.js'

/** Inferred from the schema the control API documents it with; read-only once recorded. */
export type JournalEntry = Readonly<Static<typeof JournalEntrySchema>>
