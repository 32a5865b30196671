// The bundled documents and the reference validation over both documents' component schemas,
// loaded once per test file.
import { documents, referenceValidation } from '@ascendex-toolkit/codegen-core';

export const { openapi, asyncapi } = documents();
export const { ajv, validate, component } = referenceValidation({ openapi, asyncapi });
