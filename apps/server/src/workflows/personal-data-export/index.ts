export {
  createPersonalDataExportLinks,
  type PersonalDataExportDependencies,
  type PersonalDataExportLinks,
  type PersonalDataExportRefusal,
} from './personal-data-export.ts'
