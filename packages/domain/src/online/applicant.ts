/**
 * The applicant block every online form starts with: the same data as the counter's intake (contracts
 * Applicant). An organisation files through its representative (issue 5): the representative's name, and the
 * organisation's. Pure data.
 */
import type { FormField } from './fields.ts';

const l = (vi: string, en: string) => ({ vi, en });

export const APPLICANT_FIELDS: FormField[] = [
  {
    key: 'kind',
    label: l('Người nộp là', 'Filed by'),
    type: 'select',
    required: true,
    options: [
      { value: 'person', label: l('Cá nhân', 'A person') },
      {
        value: 'organisation',
        label: l('Người đại diện của tổ chức', 'The representative of an organisation'),
      },
    ],
  },
  {
    key: 'full_name',
    label: l('Họ và tên người nộp', 'Your full name'),
    type: 'text',
    required: true,
    maxLength: 200,
  },
  {
    key: 'id_number',
    label: l('Số định danh cá nhân', 'Personal ID number'),
    type: 'id_number',
    required: true,
    help: l('12 chữ số trên thẻ căn cước', 'The 12 digits on your identity card'),
  },
  {
    key: 'organisation_name',
    label: l('Tên tổ chức (khi nộp thay tổ chức)', 'Organisation (when filing for one)'),
    type: 'text',
    required: false,
    maxLength: 300,
  },
  { key: 'phone', label: l('Số điện thoại', 'Phone number'), type: 'phone', required: false },
  { key: 'email', label: l('Thư điện tử (e-mail)', 'E-mail'), type: 'email', required: false },
  {
    key: 'address',
    label: l('Địa chỉ liên hệ', 'Contact address'),
    type: 'text',
    required: true,
    maxLength: 500,
  },
];
