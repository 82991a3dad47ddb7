/**
 * Common commune-level procedures of the national catalogue (after the 1 July 2025 reform), typed from
 * ../shared/docs/vn-data.md §3, which copies dichvucong.gov.vn detail pages as crawled by
 * chatbot-tthc/chatbot_tthc (scripts/crawler/data/raw/<ministry folder>/<code>.json; no licence, public
 * government data). Per row: the publishing decision (so_quyet_dinh) and the ministry folder of the crawl.
 *
 * Time and fee exactly as the table gives them (the portal's "Trực tiếp" figures):
 *  - "1 (không ghi đơn vị)": the portal printed a bare number → amount, unit null (flagged as unstated);
 *  - "—" = the portal says "Không có thông tin" → unit 'none' / fee amount null, that text kept;
 *  - a fee amount is the first figure of the published text (0 for "Miễn phí"); the text keeps the full rule.
 * Names are as vn-data gives them: over ~120 characters they are cut with "…" (the full text is in the crawl).
 * Not in vn-data, hence marked ILLUSTRATIVE: required documents (five common procedures only, drawn from the
 * crawl's thanh_phan_ho_so where read, simplified), online-service level and channels (default: partial, all
 * three channels).
 */
import type { ProcedureLevel, ProcedureTimeUnit } from '@motcua/contracts/procedures';
import type { DocumentContent } from '../procedures.rules.ts';

export const ILLUSTRATIVE = 'illustrative — verify against the national database';
export const CATALOG_SOURCE = 'dichvucong.gov.vn via chatbot-tthc crawl, vn-data.md §3';

export interface CatalogEntry {
  code: string;
  name: string;
  field: string;
  levels: ProcedureLevel[];
  timeAmount: number | null;
  timeUnit: ProcedureTimeUnit | null;
  timeText: string;
  feeAmount: number | null;
  feeText: string;
  legalBasis: string;
  /** Crawl file: scripts/crawler/data/raw/<folder>/<code>.json */
  folder: string;
  cutoffHour?: number;
  documents?: DocumentContent[];
  resultType?: string;
}

type Time = Pick<CatalogEntry, 'timeAmount' | 'timeUnit' | 'timeText'>;
type Fee = Pick<CatalogEntry, 'feeAmount' | 'feeText'>;

const NO_INFO_TEXT = 'Không có thông tin';
const bare = (n: number): Time => ({ timeAmount: n, timeUnit: null, timeText: String(n) });
const wd = (n: number): Time => ({ timeAmount: n, timeUnit: 'working_days', timeText: `${n} ngày làm việc` });
const d = (n: number): Time => ({ timeAmount: n, timeUnit: 'days', timeText: `${n} ngày` });
const t = (n: number, unit: ProcedureTimeUnit, text: string): Time => ({ timeAmount: n, timeUnit: unit, timeText: text });
const none = (text: string): Time => ({ timeAmount: null, timeUnit: 'none', timeText: text });
const NO_INFO = none(NO_INFO_TEXT);
const FREE: Fee = { feeAmount: 0, feeText: 'Miễn phí' };
const FEE_NO_INFO: Fee = { feeAmount: null, feeText: NO_INFO_TEXT };
const fee = (amount: number, text: string): Fee => ({ feeAmount: amount, feeText: text });

/** The portal's "Cấp thực hiện": xã, tỉnh, bộ, CQ khác (cơ quan khác). */
const LEVEL: Record<string, ProcedureLevel> = { xã: 'commune', tỉnh: 'province', bộ: 'ministry', 'CQ khác': 'other' };

const p = (code: string, name: string, field: string, levels: string, time: Time, fees: Fee, legalBasis: string, folder: string): CatalogEntry => ({
  code, name, field, levels: levels.split(', ').map((l) => LEVEL[l]!), ...time, ...fees, legalBasis, folder,
});

const doc = (name: string, copyType: DocumentContent['copyType'], note: string | null = null): DocumentContent => ({ name, copyType, quantity: 1, note });
const ID_PAPERS = 'Giấy tờ tùy thân (hộ chiếu, thẻ căn cước hoặc giấy tờ khác có ảnh do cơ quan có thẩm quyền cấp)';
const SHOWN = 'xuất trình khi nộp trực tiếp, không nộp lại';
const AUTHORISATION = 'Văn bản ủy quyền';

/** Sourced details beyond the table, and the illustrative document lists (documentsSource: ILLUSTRATIVE). */
const EXTRAS: Record<string, Pick<CatalogEntry, 'cutoffHour' | 'documents' | 'resultType'>> = {
  // Crawl raw/bo-tu-phap/1.001193.json: trinh_tu_thuc_hien "nếu tiếp nhận hồ sơ sau 15 giờ … trả kết quả … trong
  // ngày làm việc tiếp theo"; ket_qua_xu_ly "Giấy khai sinh"; documents from thanh_phan_ho_so, simplified.
  '1.001193': {
    cutoffHour: 15,
    resultType: 'Giấy khai sinh',
    documents: [
      doc('Tờ khai đăng ký khai sinh theo mẫu', 'original', 'nộp trực tuyến: biểu mẫu điện tử tương tác thay cho tờ khai'),
      doc('Giấy chứng sinh', 'original', 'không có thì văn bản của người làm chứng; không có người làm chứng thì giấy cam đoan về việc sinh'),
      doc(AUTHORISATION, 'original', 'khi ủy quyền; không cần chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột'),
      doc(ID_PAPERS, 'original', SHOWN),
    ],
  },
  '1.000894': {
    documents: [
      doc('Tờ khai đăng ký kết hôn theo mẫu', 'original', 'hai bên nam, nữ có thể dùng chung một tờ khai'),
      doc('Giấy xác nhận tình trạng hôn nhân', 'original', 'khi cơ quan đăng ký không tra cứu được tình trạng hôn nhân trong cơ sở dữ liệu'),
      doc(ID_PAPERS, 'original', `của cả hai bên; ${SHOWN}`),
    ],
  },
  '1.000656': {
    documents: [
      doc('Tờ khai đăng ký khai tử theo mẫu', 'original'),
      doc('Giấy báo tử hoặc giấy tờ thay Giấy báo tử', 'original'),
      doc(AUTHORISATION, 'original', 'khi ủy quyền'),
      doc(ID_PAPERS, 'original', SHOWN),
    ],
  },
  // vn-rules.md §1.6 [S39]: chứng thực bản sao (Decree 23/2015) and cấp bản sao trích lục hộ tịch are same-day,
  // next working day when received after 15:00. The portal itself gives no time ("—"): kept as 'none'.
  '2.000815': {
    cutoffHour: 15,
    documents: [
      doc('Bản chính giấy tờ, văn bản cần chứng thực bản sao', 'original', 'xuất trình để đối chiếu'),
      doc('Bản sao cần chứng thực', 'photocopy', 'người yêu cầu chụp sẵn, hoặc đề nghị cơ quan chứng thực chụp'),
    ],
  },
  '2.000908': { cutoffHour: 15 },
  '2.000635': { cutoffHour: 15 },
  '1.001612': {
    documents: [
      doc('Giấy đề nghị đăng ký hộ kinh doanh', 'original'),
      doc('Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh', 'photocopy', 'khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh'),
      doc('Văn bản ủy quyền cho thành viên hộ gia đình làm chủ hộ kinh doanh', 'photocopy', 'khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh'),
    ],
  },
};

const ROWS: CatalogEntry[] = [
  p('1.001193', 'Đăng ký khai sinh', 'Hộ tịch', 'xã', bare(1), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.000894', 'Đăng ký kết hôn', 'Hộ tịch', 'xã', bare(1), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.000656', 'Đăng ký khai tử', 'Hộ tịch', 'xã', bare(1), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.001022', 'Đăng ký nhận cha, mẹ, con', 'Hộ tịch', 'xã', bare(3), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.000689', 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con', 'Hộ tịch', 'xã', bare(3), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.004859', 'Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc', 'Hộ tịch', 'xã', bare(1), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.004873', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Hộ tịch', 'xã', bare(3), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.004884', 'Đăng ký lại khai sinh', 'Hộ tịch', 'xã', bare(5), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.004772', 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân', 'Hộ tịch', 'xã', bare(5), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.004746', 'Đăng ký lại kết hôn', 'Hộ tịch', 'xã', bare(5), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.005461', 'Đăng ký lại khai tử', 'Hộ tịch', 'xã', bare(5), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.004837', 'Đăng ký giám hộ', 'Hộ tịch', 'xã', wd(3), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.004845', 'Đăng ký chấm dứt giám hộ', 'Hộ tịch', 'xã', wd(2), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.003583', 'Đăng ký khai sinh lưu động', 'Hộ tịch', 'xã', wd(5), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.000593', 'Đăng ký kết hôn lưu động', 'Hộ tịch', 'xã', wd(5), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('1.000419', 'Đăng ký khai tử lưu động', 'Hộ tịch', 'xã', wd(5), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('2.000635', 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh', 'Hộ tịch', 'tỉnh, xã', NO_INFO, fee(8000, '8,000 VNĐ'), '163/QĐ-BTP', 'bo-tu-phap'),
  p('2.002516', 'Xác nhận thông tin hộ tịch', 'Hộ tịch', 'tỉnh, xã', NO_INFO, fee(8000, '8,000 VNĐ/văn bản'), '163/QĐ-BTP', 'bo-tu-phap'),
  p('2.000986', 'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 'Hộ tịch', 'xã', d(20), FREE, 'QĐ/0001-BTP', 'bo-tu-phap'),
  p('2.001023', 'Liên thông các thủ tục hành chính về đăng ký khai sinh, cấp Thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 'Hộ tịch', 'xã', d(15), FREE, 'QĐ/0001-BTP', 'bo-tu-phap'),
  p('2.000528', 'Đăng ký khai sinh có yếu tố nước ngoài', 'Hộ tịch', 'xã', bare(1), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('2.000806', 'Đăng ký kết hôn có yếu tố nước ngoài', 'Hộ tịch', 'xã', bare(5), FREE, '163/QĐ-BTP', 'bo-tu-phap'),
  p('2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ chức có thẩm …', 'Chứng thực', 'xã, CQ khác', NO_INFO, fee(2000, '2,000 đ/trang (từ trang 3: 1,000 đ; tối đa 200,000 đ/bản)'), '3152/QĐ-BTP', 'bo-tu-phap'),
  p('2.000884', 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu ch…', 'Chứng thực', 'xã, CQ khác', NO_INFO, fee(10000, '10,000 đ/trường hợp'), '858/QĐ-BTP', 'bo-tu-phap'),
  p('2.000908', 'Cấp bản sao từ sổ gốc', 'Chứng thực', 'bộ, tỉnh, xã, CQ khác', wd(1), FREE, '858/QĐ-BTP', 'bo-tu-phap'),
  p('2.000913', 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch', 'Chứng thực', 'xã', NO_INFO, fee(30000, '30,000 đ/giao dịch'), '858/QĐ-BTP', 'bo-tu-phap'),
  p('2.000927', 'Sửa lỗi sai sót trong giao dịch', 'Chứng thực', 'xã', NO_INFO, fee(25000, '25,000 đ/giao dịch'), '858/QĐ-BTP', 'bo-tu-phap'),
  p('2.000942', 'Cấp bản sao có chứng thực từ bản chính giao dịch đã được chứng thực', 'Chứng thực', 'xã', NO_INFO, fee(2000, '2,000 đ/trang (từ trang 3: 1,000 đ)'), '858/QĐ-BTP', 'bo-tu-phap'),
  p('2.001016', 'Chứng thực văn bản từ chối nhận di sản', 'Chứng thực', 'xã', NO_INFO, fee(50000, '50,000 đ/văn bản'), '858/QĐ-BTP', 'bo-tu-phap'),
  p('2.001019', 'Chứng thực di chúc', 'Chứng thực', 'xã', NO_INFO, fee(50000, '50,000 đ/di chúc'), '858/QĐ-BTP', 'bo-tu-phap'),
  p('2.001035', 'Chứng thực giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở', 'Chứng thực', 'xã', NO_INFO, fee(50000, '50,000 đ/giao dịch'), '858/QĐ-BTP', 'bo-tu-phap'),
  p('2.001406', 'Chứng thực văn bản phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở', 'Chứng thực', 'xã', NO_INFO, fee(50000, '50,000 đ/văn bản'), '858/QĐ-BTP', 'bo-tu-phap'),
  p('1.004222', 'Đăng ký thường trú', 'Cư trú', 'xã', wd(7), fee(20000, '20,000 đ trực tiếp; 10,000 đ trực tuyến'), '1523/QĐ-BCA-C06', 'bo-cong-an'),
  p('1.004194', 'Đăng ký tạm trú', 'Cư trú', 'xã', wd(3), fee(10000, '10,000 đ trực tiếp (theo danh sách); 7,000 đ trực tuyến'), '9354/QĐ-BCA-C06', 'bo-cong-an'),
  p('1.002755', 'Gia hạn tạm trú', 'Cư trú', 'xã', wd(3), fee(10000, '10,000 đ trực tiếp (theo danh sách); 5,000 đ trực tuyến'), '9354/QĐ-BCA-C06', 'bo-cong-an'),
  p('1.003197', 'Xóa đăng ký thường trú', 'Cư trú', 'xã', wd(5), FEE_NO_INFO, '1523/QĐ-BCA-C06', 'bo-cong-an'),
  p('1.010028', 'Xóa đăng ký tạm trú', 'Cư trú', 'xã', wd(2), FEE_NO_INFO, '1523/QĐ-BCA-C06', 'bo-cong-an'),
  p('1.003677', 'Khai báo tạm vắng', 'Cư trú', 'xã', wd(1), FEE_NO_INFO, '9354/QĐ-BCA-C06', 'bo-cong-an'),
  p('1.010038', 'Tách hộ', 'Cư trú', 'xã', wd(5), fee(10000, '10,000 đ trực tiếp; 5,000 đ trực tuyến'), '9354/QĐ-BCA-C06', 'bo-cong-an'),
  p('1.010041', 'Xác nhận thông tin về cư trú', 'Cư trú', 'xã', wd(1), FREE, '9354/QĐ-BCA-C06', 'bo-cong-an'),
  p('2.001159', 'Thông báo lưu trú', 'Cư trú', 'xã', t(1, 'hours', '1 giờ'), FEE_NO_INFO, '9354/QĐ-BCA-C06', 'bo-cong-an'),
  p('1.014061', 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên', 'Căn cước', 'xã', wd(7), FEE_NO_INFO, '5710/QĐ-BCA-C06', 'bo-cong-an'),
  p('1.014063', 'Cấp đổi thẻ căn cước', 'Căn cước', 'xã', wd(7), fee(50000, '50,000 đ (trường hợp phải nộp)'), '5710/QĐ-BCA-C06', 'bo-cong-an'),
  p('1.014064', 'Cấp lại thẻ căn cước', 'Căn cước', 'xã', wd(7), fee(70000, '70,000 đ (trường hợp phải nộp)'), '5710/QĐ-BCA-C06', 'bo-cong-an'),
  p('3.000228', 'Cấp tài khoản định danh điện tử mức độ 02, căn cước điện tử cho công dân Việt Nam (cấp xã)', 'Định danh điện tử', 'xã', wd(3), FEE_NO_INFO, '5709/QĐ-BCA-C06', 'bo-cong-an'),
  p('1.013978', 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân…', 'Đất đai', 'xã', t(27, 'working_days', '27 ngày làm việc (trực tiếp); 17 (trực tuyến)'), FREE, '3380/QĐ-BNNMT', 'bo-nong-nghiep-mt'),
  p('1.012796', 'Đính chính Giấy chứng nhận đã cấp lần đầu có sai sót', 'Đất đai', 'xã', wd(8), FREE, '2304/QĐ-BNNMT', 'bo-nong-nghiep-mt'),
  p('1.012812', 'Hòa giải tranh chấp đất đai', 'Đất đai', 'xã', d(40), FREE, '2304/QĐ-BNNMT', 'bo-nong-nghiep-mt'),
  p('1.013967', 'Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp xã', 'Đất đai', 'xã', t(60, 'days', '60 ngày (trực tiếp); 45 (trực tuyến)'), FREE, '2304/QĐ-BNNMT', 'bo-nong-nghiep-mt'),
  p('1.013949', 'Giao đất, cho thuê đất, chuyển mục đích sử dụng đất đối với trường hợp giao đất, cho thuê đất không đấu giá quyền sử dụng …', 'Đất đai', 'xã', d(15), FREE, '3380/QĐ-BNNMT', 'bo-nong-nghiep-mt'),
  p('1.013225', 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (…/Dự án) và nhà ở riêng lẻ', 'Hoạt động xây dựng', 'xã, CQ khác', d(15), FREE, '56/QĐ-BXD', 'bo-xay-dung'),
  p('1.013229', 'Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp III, cấp IV (công trình Không theo tuyến/Theo tuyến trong …', 'Hoạt động xây dựng', 'xã, CQ khác', d(15), FREE, '56/QĐ-BXD', 'bo-xay-dung'),
  p('1.013227', 'Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV (công trình Không theo tuyến/Theo tuyến trong đô thị/Tín ngư…', 'Hoạt động xây dựng', 'xã, CQ khác', wd(5), FREE, '56/QĐ-BXD', 'bo-xay-dung'),
  p('1.013228', 'Cấp lại giấy phép xây dựng đối với công trình cấp III, cấp IV (công trình Không theo tuyến/Theo tuyến trong đô thị/Tín ngư…', 'Hoạt động xây dựng', 'xã, CQ khác', wd(5), FREE, '56/QĐ-BXD', 'bo-xay-dung'),
  p('1.001612', 'Đăng ký thành lập hộ kinh doanh', 'Hộ kinh doanh', 'bộ, xã', NO_INFO, fee(150000, '150,000 đ (mức cụ thể do HĐND tỉnh quyết định)'), '2353/QĐ-BTC', 'bo-tai-chinh'),
  p('2.000720', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 'Hộ kinh doanh', 'bộ, xã', bare(1), FREE, '2353/QĐ-BTC', 'bo-tai-chinh'),
  p('1.001570', 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh', 'Hộ kinh doanh', 'bộ, xã', bare(1), FREE, '2353/QĐ-BTC', 'bo-tai-chinh'),
  p('1.001266', 'Chấm dứt hoạt động hộ kinh doanh', 'Hộ kinh doanh', 'bộ, xã', bare(1), FREE, '2353/QĐ-BTC', 'bo-tai-chinh'),
  p('2.000575', 'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh, Cấp đổi sang Giấy chứng nhận đăng ký hộ kinh doanh', 'Hộ kinh doanh', 'bộ, xã', bare(1), FREE, '2353/QĐ-BTC', 'bo-tai-chinh'),
  p('2.002637', 'Đăng ký thành lập tổ hợp tác; đăng ký tổ hợp tác trong trường hợp đã được thành lập trước ngày Luật Hợp tác xã có hiệu lực…', 'HTX/THT', 'bộ, xã', wd(3), FREE, '2103/QĐ-BTC', 'bo-tai-chinh'),
  p('1.005280', 'Đăng ký thành lập hợp tác xã, liên hiệp hợp tác xã; đăng ký chuyển đổi tổ hợp tác thành hợp tác xã; đăng ký khi hợp tác xã…', 'HTX/THT', 'bộ, xã', wd(3), FREE, '2103/QĐ-BTC', 'bo-tai-chinh'),
  p('1.011606', 'Công nhận hộ nghèo, hộ cận nghèo; hộ thoát nghèo, hộ thoát cận nghèo định kỳ hằng năm', 'Giảm nghèo', 'xã', bare(1), FREE, '2306/QĐ-BNNMT', 'bo-nong-nghiep-mt'),
  p('1.011607', 'Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm', 'Giảm nghèo', 'xã', d(15), FREE, '967/QĐ-BNNMT', 'bo-nong-nghiep-mt'),
  p('1.011608', 'Công nhận hộ thoát nghèo, hộ thoát cận nghèo thường xuyên hằng năm', 'Giảm nghèo', 'xã', d(15), FREE, '967/QĐ-BNNMT', 'bo-nong-nghiep-mt'),
  p('1.011609', 'Công nhận hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình', 'Giảm nghèo', 'xã', d(15), FREE, '967/QĐ-BNNMT', 'bo-nong-nghiep-mt'),
  p('1.002211', 'Công nhận hòa giải viên (cấp xã)', 'Hòa giải cơ sở', 'xã', wd(5), FREE, 'QĐ2338-BTP', 'bo-tu-phap'),
  p('1.007277', 'Khai lệ phí trước bạ nhà, đất/ Miễn lệ phí trước bạ nhà, đất', 'Thuế', 'tỉnh, xã', wd(5), FREE, '4472/QĐ-BTC', 'bo-tai-chinh'),
  p('1.011022', 'Khai thuế đối với hộ kinh doanh, cá nhân kinh doanh', 'Thuế', 'tỉnh, xã', none('Không'), FREE, '1272/QĐ-BTC', 'bo-tai-chinh'),
  p('1.008004', 'Chuyển đổi cơ cấu cây trồng, vật nuôi trên đất trồng lúa', 'Trồng trọt', 'xã', wd(5), FREE, '1000/QĐ-BNNMT', 'bo-nong-nghiep-mt'),
  p('1.014832', 'Giao rừng, cho thuê rừng khi đã được giao đất, cho thuê đất có rừng hoặc đã được công nhận quyền sử dụng đất có rừng thuộc…', 'Lâm nghiệp', 'xã', wd(20), FREE, '364/QĐ-BNNMT', 'bo-nong-nghiep-mt'),
  p('1.014632', 'Đăng ký mua, thuê mua, thuê nhà ở xã hội, vay vốn để hộ gia đình, cá nhân tự xây dựng hoặc cải tạo, sửa chữa nhà ở', 'Nhà ở', 'xã', d(7), FREE, '651/QĐ-BXD', 'bo-xay-dung'),
  p('2.001263', 'Đăng ký việc nuôi con nuôi trong nước', 'Nuôi con nuôi', 'xã', NO_INFO, fee(400000, '400,000 đ/trường hợp'), '361/QĐ-BTP', 'bo-tu-phap'),
  p('1.001613', 'Giải quyết hưởng bảo hiểm xã hội một lần', 'BHXH', 'tỉnh, xã', wd(5), FREE, '1474/QĐ-BTC', 'bo-tai-chinh'),
  p('2.000693', 'Giải quyết hưởng chế độ thai sản', 'BHXH', 'tỉnh, xã', wd(6), FREE, '1222/QĐ-BTC', 'bo-tai-chinh'),
];

export const CATALOG: readonly CatalogEntry[] = ROWS.map((row) => ({ ...row, ...EXTRAS[row.code] }));
