export { checkSchema } from './check-schema';
