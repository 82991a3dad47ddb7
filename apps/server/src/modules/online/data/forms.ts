/**
 * Online forms of the procedures most filed at a commune: the fields are those of the paper declaration (tờ
 * khai) the electronic form replaces — the catalogue says so for 1.001193 ("nộp trực tuyến: biểu mẫu điện tử
 * tương tác thay cho tờ khai", procedures/data/catalog.ts). The selection and wording of fields are
 * ILLUSTRATIVE: vn-data.md does not reproduce the declaration forms; verify against the circular in force.
 * The uploads follow the procedure's required documents, less the declaration itself and what is shown in
 * person.
 */
import type { FormField } from '@motcua/domain/online/fields';
import type { OnlineForm } from '@motcua/domain/online/online';

export const FORM_SOURCE =
  'illustrative — fields of the paper declaration this form replaces; verify against the circular in force';

const l = (vi: string, en: string) => ({ vi, en });
const text = (key: string, vi: string, en: string, required = true, maxLength = 100): FormField => ({
  key,
  label: l(vi, en),
  type: 'text',
  required,
  maxLength,
});
const SEX: FormField = {
  key: 'sex',
  label: l('Giới tính', 'Sex'),
  type: 'select',
  required: true,
  options: [
    { value: 'nam', label: l('Nam', 'Male') },
    { value: 'nu', label: l('Nữ', 'Female') },
  ],
};
const RELATIONSHIP: FormField = {
  key: 'relationship',
  label: l('Quan hệ của người đi đăng ký với người được khai sinh', 'Your relationship to the child'),
  type: 'select',
  required: true,
  options: [
    { value: 'cha', label: l('Cha', 'Father') },
    { value: 'me', label: l('Mẹ', 'Mother') },
    { value: 'ong_ba', label: l('Ông, bà', 'Grandparent') },
    { value: 'nguoi_than', label: l('Người thân thích khác', 'Other relative') },
    { value: 'uy_quyen', label: l('Người được ủy quyền', 'Authorised person') },
  ],
};

const AUTHORISATION = {
  name: 'Văn bản ủy quyền',
  required: false,
  note: 'khi ủy quyền cho người khác đăng ký',
};
const ID_PAPER = {
  name: 'Giấy tờ tùy thân của người đi đăng ký (ảnh chụp hoặc bản quét)',
  required: false,
  note: 'không cần khi đăng nhập bằng tài khoản định danh điện tử (VNeID)',
};

export const ONLINE_FORMS: Record<string, OnlineForm> = {
  // Đăng ký khai sinh
  '1.001193': {
    fields: [
      text('child_full_name', 'Họ, chữ đệm, tên người được khai sinh', 'Child’s full name'),
      {
        key: 'birth_date',
        label: l('Ngày, tháng, năm sinh', 'Date of birth'),
        type: 'date',
        required: true,
        notAfter: 'today',
      },
      SEX,
      text('ethnicity', 'Dân tộc', 'Ethnic group', true, 50),
      text('nationality', 'Quốc tịch', 'Nationality', true, 50),
      text('birth_place', 'Nơi sinh', 'Place of birth', true, 300),
      text('home_town', 'Quê quán', 'Home town', false, 300),
      text('mother_full_name', 'Họ, chữ đệm, tên người mẹ', 'Mother’s full name', false),
      {
        key: 'mother_id_number',
        label: l('Số định danh cá nhân của người mẹ', 'Mother’s personal ID number'),
        type: 'id_number',
        required: false,
      },
      text('father_full_name', 'Họ, chữ đệm, tên người cha', 'Father’s full name', false),
      {
        key: 'father_id_number',
        label: l('Số định danh cá nhân của người cha', 'Father’s personal ID number'),
        type: 'id_number',
        required: false,
      },
      RELATIONSHIP,
    ],
    uploads: [
      {
        name: 'Giấy chứng sinh',
        required: true,
        note: 'không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh',
      },
      ID_PAPER,
      AUTHORISATION,
    ],
  },
  // Đăng ký khai tử
  '1.000656': {
    fields: [
      text('deceased_full_name', 'Họ, chữ đệm, tên người đã chết', 'Full name of the deceased'),
      {
        key: 'deceased_id_number',
        label: l('Số định danh cá nhân của người đã chết', 'Personal ID number of the deceased'),
        type: 'id_number',
        required: false,
      },
      {
        key: 'death_date',
        label: l('Ngày chết', 'Date of death'),
        type: 'date',
        required: true,
        notAfter: 'today',
      },
      text('death_place', 'Nơi chết', 'Place of death', true, 300),
      text('death_cause', 'Nguyên nhân chết', 'Cause of death', false, 300),
      text('relationship', 'Quan hệ với người đã chết', 'Your relationship to the deceased', true, 50),
    ],
    uploads: [
      { name: 'Giấy báo tử hoặc giấy tờ thay Giấy báo tử', required: true },
      ID_PAPER,
      AUTHORISATION,
    ],
  },
  // Đăng ký kết hôn
  '1.000894': {
    fields: [
      text('partner_full_name', 'Họ, chữ đệm, tên bên kia', 'The other party’s full name'),
      {
        key: 'partner_id_number',
        label: l('Số định danh cá nhân của bên kia', 'The other party’s personal ID number'),
        type: 'id_number',
        required: true,
      },
      {
        key: 'partner_birth_date',
        label: l('Ngày sinh của bên kia', 'The other party’s date of birth'),
        type: 'date',
        required: true,
        notAfter: 'today',
      },
      text('partner_residence', 'Nơi cư trú của bên kia', 'The other party’s residence', true, 300),
    ],
    uploads: [
      {
        name: 'Giấy xác nhận tình trạng hôn nhân',
        required: false,
        note: 'khi cơ quan đăng ký không tra cứu được tình trạng hôn nhân trong cơ sở dữ liệu',
      },
      { ...ID_PAPER, note: 'của cả hai bên' },
    ],
  },
};
