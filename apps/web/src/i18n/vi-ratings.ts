/**
 * Vietnamese texts of the citizen satisfaction report, indicator 5.4 and the feedback leaders answer.
 * Spread into vi.ts (one catalog; kept apart for the file-length limit).
 */
export const viRatings = {
  'nav.satisfaction': 'Báo cáo hài lòng',

  'ratings.title': 'Mức độ hài lòng của người dân',
  'ratings.intro':
    'Đánh giá của người dân theo đơn vị và kỳ (theo ngày đánh giá lần đầu), chỉ số 5.4 theo Quyết định 766/QĐ-TTg và các ý kiến không hài lòng chờ lãnh đạo trả lời.',
  'ratings.noUnit': 'Tài khoản chưa được giao vai trò lãnh đạo hoặc vận hành IOC ở đơn vị nào.',
  'ratings.levels': 'Đánh giá theo mức độ hài lòng',
  'ratings.unit': 'Đơn vị',
  'ratings.count': 'Số đánh giá',
  'ratings.rate': 'Tỷ lệ hài lòng',
  'ratings.rateNote': 'Tỷ lệ hài lòng = (rất hài lòng + hài lòng) / số đánh giá.',
  'ratings.total': 'Tổng cộng',
  'ratings.criteria': 'Đánh giá theo từng tiêu chí (toàn đơn vị)',
  'ratings.criterion': 'Tiêu chí',
  'ratings.indicator': 'Chỉ số 5.4: hài lòng trong tiếp nhận, giải quyết thủ tục hành chính',
  'ratings.indicatorSummary': '{unit}: {percent}, đạt {points}/{max} điểm (đạt điểm tối đa từ {target} %).',
  'ratings.indicatorNone': 'Không có hồ sơ trong kỳ: chưa tính được chỉ số 5.4.',
  'ratings.indicatorNote':
    'Chỉ số 5.4 = 100 % − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ có ý kiến phản ánh hoặc không hài lòng). Hồ sơ trong kỳ: tiếp nhận trong kỳ hoặc kỳ trước chuyển sang chưa giải quyết xong.',
  'ratings.dossiers': 'Hồ sơ trong kỳ',
  'ratings.overdue': 'Quá hạn',
  'ratings.negative': 'Có ý kiến hoặc không hài lòng',
  'ratings.percent': 'Chỉ số',
  'ratings.points': 'Điểm',
  'ratings.feedback': 'Ý kiến không hài lòng của người dân',
  'ratings.feedbackIntro':
    'Người dân chọn “Không hài lòng” và ghi ý kiến khi đánh giá hồ sơ. Lãnh đạo đơn vị xem xét và trả lời.',
  'ratings.status': 'Trạng thái',
  'ratings.status.open': 'Chờ trả lời',
  'ratings.status.answered': 'Đã trả lời',
  'ratings.status.withdrawn': 'Người dân đã rút ý kiến',
  'ratings.status.all': 'Tất cả',
  'ratings.noFeedback': 'Không có ý kiến nào.',
  'ratings.fileCode': 'Hồ sơ {code}',
  'ratings.sentAt': 'Gửi lúc {at}',
  'ratings.currentLevel': 'Mức đánh giá hiện tại: {level}',
  'ratings.comment': 'Ý kiến của người dân',
  'ratings.answerLabel': 'Nội dung trả lời',
  'ratings.answerHint': 'Tối đa 4.000 ký tự.',
  'ratings.answerSend': 'Gửi trả lời',
  'ratings.answerRequired': 'Nhập nội dung trả lời.',
  'ratings.answerDone': 'Đã gửi trả lời ý kiến về hồ sơ {code}.',
  'ratings.answeredBy': 'Trả lời của {name} lúc {at}',
} as const;
