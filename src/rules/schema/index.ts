export { checkSchema, readSchema } from './check-schema';
