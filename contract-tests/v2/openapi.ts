/**
 * Conformance against the official PortOne V2 OpenAPI document (api/v2/official/): finds the
 * operation of a request (method + path template) and checks an answer's body against the schema
 * the document gives for its status, and an error's `type` against its `x-portone-status-code`.
 * OpenAPI 3.0 is turned into what ajv reads: `nullable` becomes a null branch, and a `oneOf` with
 * a discriminator mapping becomes "the discriminator is one of the mapped values, and the branch
 * it names must hold" (the document's branches share shapes, so a plain oneOf would match several).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

const DOC_PATH = fileURLToPath(new URL('../../api/v2/official/portone-v2-openapi.json', import.meta.url))

type Responses = Record<string, { content?: Record<string, { schema?: unknown }> }>

interface Operation {
  method: string
  template: string
  pattern: RegExp
  responses: Responses
}

export interface OpenApiDocument {
  info: { version: string }
  paths: Record<string, Record<string, { operationId?: string; responses?: Responses }>>
  components: { schemas: Record<string, Record<string, unknown>> }
}

export function loadDocument(): OpenApiDocument {
  return JSON.parse(readFileSync(DOC_PATH, 'utf8')) as OpenApiDocument
}

/** OpenAPI 3.0 schema → JSON Schema ajv reads (see the file comment). */
function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert)
  if (node === null || typeof node !== 'object') return node
  const source = node as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'discriminator' || key === 'example' || key.startsWith('x-')) continue
    out[key] = convert(value)
  }
  const discriminator = source.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined
  if (discriminator?.mapping && Array.isArray(source.oneOf)) {
    delete out.oneOf
    const property = discriminator.propertyName
    out.type = 'object'
    out.required = [property]
    out.properties = { [property]: { enum: Object.keys(discriminator.mapping) } }
    out.allOf = Object.entries(discriminator.mapping).map(([value, ref]) => ({
      if: { properties: { [property]: { const: value } } },
      then: { $ref: ref }
    }))
  }
  if (source.nullable === true) return { anyOf: [out, { type: 'null' }] }
  return out
}

const nameOf = (ref: string) => ref.split('/').pop()!

export class Conformance {
  private readonly ajv = new Ajv({ strict: false, allErrors: true })
  private readonly operations: Operation[] = []
  private readonly validators = new Map<unknown, ValidateFunction>()

  constructor(readonly doc: OpenApiDocument = loadDocument()) {
    ;(addFormats as unknown as (a: Ajv) => void)(this.ajv)
    for (const f of ['int32', 'int64', 'float', 'double']) this.ajv.addFormat(f, true)
    this.ajv.addSchema({ components: convert(doc.components) }, 'doc')
    for (const [template, methods] of Object.entries(doc.paths)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`)
      for (const [method, op] of Object.entries(methods)) {
        if (op.responses) this.operations.push({ method: method.toUpperCase(), template, pattern, responses: op.responses })
      }
    }
  }

  /** The operation of a request; literal paths win over templated ones (`/billing-keys/confirm` over `/billing-keys/{billingKey}`). */
  operation(method: string, path: string): Operation | undefined {
    const params = (o: Operation) => o.template.match(/\{/g)?.length ?? 0
    return this.operations.filter((o) => o.method === method && o.pattern.test(path)).sort((a, b) => params(a) - params(b))[0]
  }

  /** Problems with one answer: none when the document gives this status and the body fits its schema. */
  check(method: string, path: string, status: number, body: unknown): string[] {
    const op = this.operation(method, path)
    if (!op) return [`${method} ${path}: no such operation in the document`]
    const response = op.responses[String(status)]
    if (!response) return [`${method} ${op.template}: the document lists no ${status} answer`]
    const schema = response.content?.['application/json']?.schema
    if (!schema) return []
    let validate = this.validators.get(schema)
    if (!validate) {
      const ref = (schema as { $ref?: string }).$ref
      validate = this.ajv.compile(ref ? { $ref: `doc${ref}` } : (convert(schema) as object))
      this.validators.set(schema, validate)
    }
    const where = `${method} ${op.template} ${status}`
    if (!validate(body)) return (validate.errors ?? []).slice(0, 5).map((e) => `${where}: ${e.instancePath || '(body)'} ${e.message ?? ''}`)
    return this.errorStatusProblems(schema, status, body, where)
  }

  /** An error body's `type` must be one whose schema's `x-portone-status-code` is the answer's status. */
  private errorStatusProblems(schema: unknown, status: number, body: unknown, where: string): string[] {
    const ref = (schema as { $ref?: string }).$ref
    const type = (body as { type?: unknown } | null)?.type
    if (status < 400 || !ref || typeof type !== 'string') return []
    const union = this.doc.components.schemas[nameOf(ref)] as { discriminator?: { mapping?: Record<string, string> } }
    const branch = union.discriminator?.mapping?.[type]
    if (!branch) return []
    const expected = this.doc.components.schemas[nameOf(branch)]?.['x-portone-status-code']
    return expected === status ? [] : [`${where}: ${type} is answered with ${status}; the document says ${String(expected)}`]
  }
}
