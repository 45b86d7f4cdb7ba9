"""The Korean catalogue of messages for the writer (see `messages`).

The same keys and placeholders as `messages_en`; field names, YAML and values stay as the
writer typed them, the sentence around them is Korean.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    # Counts and levels
    "count.problem": "문제 {count}개",
    "count.problems": "문제 {count}개",
    "count.clip_failed": "결과물 {count}개를 처리하지 못해 사이트를 게시하지 않았습니다",
    "count.clips_failed": "결과물 {count}개를 처리하지 못해 사이트를 게시하지 않았습니다",
    "severity.warning": "경고",
    # Reading YAML
    "yaml.empty": "파일이 비어 있습니다",
    "yaml.too_deep": "중첩이 너무 깊습니다 ({levels}단계 초과)",
    "yaml.not_utf8": "UTF-8 텍스트가 아닙니다. UTF-8로 저장하세요",
    "yaml.control_character": "제어 문자 {code}은(는) YAML에 쓸 수 없습니다. 지우세요",
    "yaml.anchor": "앵커와 별칭(&, *)은 쓸 수 없습니다. 값을 그대로 적으세요",
    "yaml.second_document": "두 번째 문서(---)는 쓸 수 없습니다. 한 파일에 체험기 하나입니다",
    "yaml.tab": "여기에는 탭 문자를 쓸 수 없습니다. 들여쓰기는 공백으로 하세요",
    "yaml.tag": "태그 {tag}은(는) 쓸 수 없습니다. 지우세요",
    "yaml.not_a_date": "{value}은(는) 있는 날짜나 시각이 아닙니다. 월, 일, 시를 확인하세요",
    "yaml.colon_in_value": (
        "값 안에 ': '가 있으면 따옴표로 감싸세요(또는 | 블록으로 쓰세요). 이 줄이 키라면 "
        "위의 키들과 들여쓰기를 맞추세요"
    ),
    "yaml.unclosed_quote": (
        "{start}행에서 시작한 따옴표 값이 끝나지 않았습니다 — 닫는 따옴표가 없습니다. "
        "저장 중이던 파일인가요?"
    ),
    "yaml.unfinished": (
        "{start}행에서 시작한 값이 끝나기 전에 파일이 끝났습니다 — 저장 중이던 파일인가요?"
    ),
    "yaml.unclosed_bracket": (
        "{start}행에서 시작한 괄호 목록이 닫히지 않았습니다. ] 또는 }}을(를) 더하거나, ': '가 "
        "든 값을 따옴표로 감싸세요"
    ),
    "yaml.no_colon": (
        "{start}행은 `키: 값`도 아니고 위 값의 이어짐도 아닙니다. 키 뒤에 ': '를 쓰거나, "
        "이어지는 값이라면 들여 쓰세요"
    ),
    "yaml.indentation": (
        "이 줄의 들여쓰기가 위의 키들과 맞지 않습니다. 같은 단계의 키만큼 공백으로 들여 "
        "쓰세요(목록 항목은 '- '로 시작)"
    ),
    "yaml.cannot_start": "값은 {char}(으)로 시작할 수 없습니다. 값 전체를 따옴표로 감싸세요",
    "yaml.escape": (
        "큰따옴표 안의 역슬래시는 이스케이프입니다. 작은따옴표로 감싸거나 따옴표 없이 쓰세요"
    ),
    "yaml.syntax": "YAML로 읽을 수 없습니다 (파서: {detail})",
    "yaml.key_not_plain": "키는 평범한 텍스트여야 합니다",
    "yaml.key_not_text": "키 {name}이(가) 텍스트가 아닙니다. 따옴표로 감싸세요",
    "yaml.duplicate_key": "키 {name}이(가) 두 번 있습니다(처음은 {first}행). 하나만 남기세요",
    "yaml.surrogate": (
        "{code}은(는) UTF-16 서로게이트 쌍의 절반일 뿐 문자가 아닙니다. 문자 자체를 쓰세요"
        "(또는 \\U와 여덟 자리 코드 포인트)"
    ),
    "yaml.boolean": (
        "{text}은(는) {read}(으)로 읽힙니다(YAML 1.1). 텍스트라면 {quoted}(으)로, 아니면 "
        "true/false로 쓰세요"
    ),
    "yaml.too_many_digits": "{digits:,}자리 숫자는 너무 깁니다(최대 {most}자리)",
    "yaml.too_large": "{text}은(는) 쓸 수 없을 만큼 큰 수입니다",
    "yaml.octal": "{text}은(는) 8진수 {number}(으)로 읽힙니다. {quoted}(으)로 쓰세요",
    "yaml.base60": "{text}은(는) 60진수로 읽힙니다. {quoted}(으)로 쓰세요(대기 시간이라면 1h30m)",
    "yaml.cut_comment": (
        "' #'는 주석의 시작이라 이 값은 {text}에서 끊깁니다. 값 전체를 따옴표로 감싸거나 "
        "| 블록으로 쓰세요"
    ),
    # Fields (pydantic's error types)
    "field.missing": "꼭 있어야 하는데 없습니다",
    "field.unknown": "알 수 없는 필드 {name}입니다",
    "field.unknown_near": "알 수 없는 필드 {name}입니다({near}을(를) 쓰려던 건가요?)",
    "field.not_text": "텍스트여야 합니다(지금은 {got})",
    "field.not_text_quote": "텍스트여야 합니다(지금은 {got}). 따옴표로 감싸세요: {quoted}",
    "field.one_of": "{expected} 중 하나여야 합니다(지금은 {got})",
    "field.one_of_literal": "{expected} 중 하나여야 합니다(지금은 {got})",
    "field.pattern": "{got}은(는) 여기에 쓸 수 없습니다: {hint}",
    "field.bool": "true나 false여야 합니다(지금은 {got})",
    "field.whole_number": "정수여야 합니다(지금은 {got})",
    "field.number": "숫자여야 합니다(지금은 {got})",
    "field.finite": "유한한 숫자여야 합니다(지금은 {got})",
    "field.list": "목록이어야 합니다(지금은 {got})",
    "field.mapping": "필드의 매핑이어야 합니다(지금은 {got})",
    "field.empty": "비어 있으면 안 됩니다",
    "field.too_long": "너무 깁니다. 최대 {max_length}자입니다",
    "field.too_many": "항목이 너무 많습니다. 최대 {max_length}개입니다",
    "field.at_least": "{ge} 이상이어야 합니다(지금은 {got})",
    "field.more_than": "{gt}보다 커야 합니다(지금은 {got})",
    "field.at_most": "{le} 이하여야 합니다(지금은 {got})",
    "field.less_than": "{lt}보다 작아야 합니다(지금은 {got})",
    "field.invalid": "올바른 값이 아닙니다: {detail}",
    "kind.bool": "true/false",
    "kind.number": "숫자 {value}",
    "kind.date": "날짜",
    "kind.list": "목록",
    "kind.mapping": "매핑",
    "kind.text": "텍스트 {value}",
    "kind.nothing": "빈 값",
    "kind.other": "{name}",
    "hint.key": "영문 소문자, 숫자, -만 쓰세요",
    "hint.key_underscore": "영문 소문자, 숫자, -, _만 쓰세요",
    "hint.sha256": "SHA-256은 16진수 소문자(0-9, a-f) 64자리입니다",
    "hint.language_code": "ko, en, zh-Hant 같은 언어 코드를 쓰세요",
    "shape.clips": (
        "결과물 목록이어야 합니다(지금은 {got}). 각 항목은 파일이나 URL입니다:\n"
        "  clips:\n    - file: media/clip.mp4\n    - url: https://example.com/clip.mp4"
    ),
    "shape.cost": (
        "금액과 단위여야 합니다(지금은 {got}). 이렇게 쓰세요:\n  cost: {{amount: 10, unit: "
        "credits}}"
    ),
    "shape.ratings": (
        "기준마다 정수 점수를 적어야 합니다(지금은 {got}). 이렇게 쓰세요:\n"
        "  ratings: {{quality: 4, lighting: 5}}"
    ),
    "shape.tags": (
        "태그 목록이어야 합니다(지금은 {got}). 이렇게 쓰세요:\n  tags: [text-to-video, slow-motion]"
    ),
    "shape.changes": (
        "날짜가 붙은 변경의 목록이어야 합니다(지금은 {got}). 이렇게 쓰세요:\n"
        "  changes:\n    - date: 2025-04-01\n      note: video now paid only"
    ),
    "shape.label": (
        "언어별 이름이어야 합니다(지금은 {got}). 이렇게 쓰세요:\n  label: {{ko: 조명, en: "
        "Lighting}}"
    ),
    # Times and durations
    "time.date_only": "날짜만으로는 부족합니다. {example}처럼 시각과 UTC 오프셋을 더하세요",
    "time.no_offset": (
        "UTC 오프셋이 없습니다. {example}처럼 쓰거나, mkdocs.yml에 extra.magazine.timezone을 "
        "정해 이런 시각을 매거진의 시간대로 읽게 하세요"
    ),
    "time.not_a_time": "2025-01-03T10:00:00+09:00 같은 날짜와 시각이어야 합니다(지금은 {got})",
    "time.not_a_date": "2025-04-01 같은 날짜여야 합니다(지금은 {got})",
    "duration.unit_missing": "숫자에 단위를 붙이세요. 3h, 90m, 2d, 3시간처럼",
    "duration.not_a_duration": "3h, 90m, 2d, 3시간 같은 시간 길이여야 합니다",
    "duration.unreadable": (
        "{text}을(를) 시간 길이로 읽을 수 없습니다. 3h, 90m, 2d, 1h30m, 3 hours, 3시간, "
        "약 3시간처럼 숫자와 단위를 쓰세요"
    ),
    "duration.too_long": "{text}은(는) 10년보다 깁니다. 숫자와 단위를 확인하세요",
    "duration.not_positive": "시간 길이는 0보다 길어야 합니다(지금은 {text})",
    # Entry fields
    "clip.one_source": "결과물마다 `file`과 `url` 중 정확히 하나를 쓰세요",
    "cost.not_a_number": "0, 10, 0.5 같은 숫자여야 합니다",
    "cost.too_large": "비용으로는 너무 큽니다({ceiling:,}보다 작게 쓰세요)",
    "cost.places": "소수점 아래는 {places}자리까지만 쓰세요",
    "rating.not_whole": "정수여야 합니다(지금은 {got})",
    "kind.single": "값 하나",
    # Addresses
    "url.space": "URL에는 공백이나 제어 문자를 쓸 수 없습니다",
    "url.no_scheme": "https:// URL이어야 합니다(지금은 스킴이 없음)",
    "url.scheme": "https:// URL이어야 합니다(지금은 {got})",
    "url.character": "URL에는 {char}을(를) 쓸 수 없습니다. 퍼센트 인코딩하세요({code})",
    "url.non_ascii": (
        "URL에는 {char}을(를) 쓸 수 없습니다. 퍼센트 인코딩하고, 호스트 이름은 퓨니코드(xn--...)로 "
        "쓰세요"
    ),
    "url.percent": "% 뒤에 16진수 두 자리가 없습니다(퍼센트 기호는 %25로 쓰세요)",
    "url.invalid": "올바른 URL이 아닙니다(괄호나 포트가 잘못됨)",
    "url.no_host": "호스트 이름이 없습니다",
    "url.credentials": (
        "사용자 이름이나 비밀번호(user:password@)를 넣으면 안 됩니다. 모든 페이지에 게시됩니다"
    ),
    "url.bad_host": "올바른 호스트 이름이 없습니다(영문, 숫자, 하이픈, 점 또는 [IPv6])",
    "url.brackets": "URL의 호스트 뒤에는 '['나 ']'를 쓸 수 없습니다. 퍼센트 인코딩하세요",
    "url.http": (
        "http://는 쓸 수 없습니다. https://를 쓰거나 extra.magazine.allow_http: true로 정하세요"
    ),
    "url.query": (
        "쿼리 문자열(?...)이나 프래그먼트(#...)를 넣으면 안 됩니다. 뒤에 페이지 경로가 붙습니다"
    ),
    # mkdocs.yml and settings
    "usage.no_config": "매거진 폴더가 아닙니다: {root}에 mkdocs.yml이 없습니다(--root를 쓰세요)",
    "usage.site_url": (
        "--site-url: {reason}. https://user.github.io/repo/ 같은 사이트 주소를 주세요"
    ),
    "config.not_a_mapping": "mkdocs.yml은 설정의 매핑이어야 합니다",
    "config.section_mapping": "설정의 매핑이어야 합니다",
    "config.from_top": "extra.magazine.{key} 대신 mkdocs.yml의 {where}을(를) 정하세요",
    "config.through_inherit": "{reason} (INHERIT나 !ENV를 거쳐 읽은 값)",
    "settings.timezone": "알 수 없는 시간대 {name}입니다(Asia/Seoul 같은 이름을 쓰세요)",
    "settings.cache_inside": "{value}은(는) .magazine처럼 매거진 안의 폴더여야 합니다",
    "settings.cache_overlaps": (
        "{value}이(가) {name} {other}와(과) 겹칩니다. .magazine처럼 따로 된 폴더를 쓰세요"
    ),
    # Files, folders and names
    "file.unreadable": "파일을 읽을 수 없습니다: {reason}",
    "file.folder_unreadable": "폴더를 읽을 수 없습니다: {reason}",
    "file.unforeseen": "읽을 수 없습니다: {detail}",
    "link.outside": "매거진 폴더 밖을 가리키는 링크라 읽지 않습니다(파일을 안으로 복사하세요)",
    "link.broken": "아무것도 가리키지 않는 링크(끊긴 링크나 순환)라 읽지 않습니다",
    "link.loop": "자기가 들어 있는 폴더를 가리키는 링크입니다",
    "name.forbidden": (
        "{name}에 든 {chars}은(는) Windows 파일 이름에 쓸 수 없습니다"
        '(< > : " / \\ | ? *와 제어 문자 모두 불가)'
    ),
    "name.device": (
        "{name}은(는) Windows가 장치에 쓰는 이름({devices}, 대소문자와 확장자 무관)이라 파일이나 "
        "폴더 이름으로 쓸 수 없습니다"
    ),
    "name.trailing": "{name}은(는) 점이나 공백으로 끝납니다. Windows는 파일 이름에서 이를 지웁니다",
    "name.unicode_twin": (
        "{other}와(과) 이름이 같고 유니코드 형태(조합형/완성형)만 다릅니다. 둘 중 하나만 남기세요"
    ),
    "name.file": "{reason}. 이름을 바꾸세요(이대로면 Windows에서 매거진을 복제할 수 없습니다)",
    "name.slug": (
        "페이지 주소 {slug}: {reason}. 다른 slug를 고르세요(이대로면 Windows에서 매거진을 "
        "복제하거나 빌드할 수 없습니다)"
    ),
    "name.slug_from_file": (
        "파일 이름에서 만든 페이지 주소 {slug}: {reason}. 파일 이름을 바꾸거나 slug:로 다른 "
        "주소를 정하세요(이대로면 Windows에서 매거진을 복제하거나 빌드할 수 없습니다)"
    ),
    "name.experiment": (
        "비교 페이지 주소 {slug}: {reason}. 다른 experiment 키를 고르세요(이대로면 Windows에서 "
        "매거진을 복제하거나 빌드할 수 없습니다)"
    ),
    "name.service": (
        "서비스 페이지 주소 {key}: {reason}. 다른 키를 고르세요(이대로면 Windows에서 매거진을 "
        "복제하거나 빌드할 수 없습니다)"
    ),
    "name.slug_taken": (
        "페이지 주소 {slug}을(를) {others}도 씁니다. 둘 중 하나에 다른 slug:를 정하세요"
    ),
    "name.comparison_taken": (
        "이 비교의 페이지 주소 {slug}을(를) {others}의 비교도 씁니다. - 와 _ 말고도 다른 "
        "experiment 키를 고르세요"
    ),
    # Limits
    "limit.chars": (
        "{length:,}자로 limits.{name}({limit:,})보다 깁니다. 줄이거나 mkdocs.yml의 "
        "extra.magazine.limits에서 한도를 올리세요"
    ),
    "limit.items": (
        "항목이 {count:,}개로 limits.{name}({limit:,})보다 많습니다. 줄이거나 mkdocs.yml의 "
        "extra.magazine.limits에서 한도를 올리세요"
    ),
    "limit.entry_bytes": (
        "파일이 {limit:,}바이트(limits.entry_bytes)보다 커서 읽지 않습니다. 나누거나 "
        "extra.magazine에서 한도를 올리세요"
    ),
    "time.outside_years": "{moment}은(는) {first}–{last}년 범위 밖입니다. 날짜를 확인하세요",
    "time.before_submitted": "submitted_at({submitted})보다 앞섭니다",
    # Rules between fields and files
    "status.delivered_no_clips": (
        "delivered인데 결과물이 없습니다. clips 아래에 파일이나 URL을 더하세요"
    ),
    "status.delivered_no_time": "delivered인데 delivered_at이 없습니다. 결과가 언제 도착했나요?",
    "status.pending_no_check": (
        "pending인데 checked_at이 없습니다. 마지막으로 확인한 때를 적으세요(보이는 대기 시간은 "
        "최소 checked_at − submitted_at입니다)"
    ),
    "service.unknown": "알 수 없는 서비스 {name}입니다 {hint}. entries/services.yml에 더하세요",
    "rating.unknown": "알 수 없는 평가 기준 {name}입니다 {hint}",
    "rating.range": "1부터 {scale}까지의 정수여야 합니다(지금은 {got})",
    "hint.did_you_mean": "({near}을(를) 쓰려던 건가요?)",
    "hint.known": "(있는 것: {listed})",
    "hint.none_known": "(아직 하나도 없음)",
    "registry.services_missing": (
        "없습니다: 체험기가 쓰는 서비스를 모두 적으세요(키: {{name: ..., kind: video}})"
    ),
    "registry.not_a_mapping": "{name}.yml은 키마다 필드를 적는 매핑이어야 합니다",
    "registry.key": "키에는 영문 소문자, 숫자, -, _만 쓸 수 있습니다(64자까지)",
    "registry.item_mapping": "필드의 매핑이어야 합니다(name: ..., ...)",
    "registry.key_field": "키는 위의 이름입니다. 이 줄을 지우세요",
    "entry.not_a_mapping": (
        "체험기는 필드의 매핑(title: ..., service: ...)이어야 합니다. 지금은 {got}입니다"
    ),
    # Clips
    "clip.control_character": (
        "파일 경로에는 제어 문자(NUL 등)를 쓸 수 없습니다. 큰따옴표 안의 \\t와 \\n은 "
        "이스케이프입니다: 따옴표 없이 /로 쓰세요"
    ),
    "clip.link_loop": "자기 자신으로 돌아오는 링크(심볼릭 링크 순환)입니다",
    "clip.path_too_long": "파일 시스템에 비해 경로가 너무 깁니다. 더 짧은 이름을 쓰세요",
    "clip.unreadable": "읽을 수 없습니다: {reason}",
    "clip.absolute": "절대 경로가 아니라 이 체험기 폴더에서부터의 상대 경로여야 합니다",
    "clip.unportable": (
        "{reason}. 파일 이름을 바꾸세요(이대로면 Windows에서 매거진을 복제하거나 빌드할 수 "
        "없습니다)"
    ),
    "clip.outside": "매거진 폴더 밖으로 나갑니다. 결과물은 매거진 안에 두세요",
    "clip.link_outside": "매거진 폴더 밖의 파일을 가리키는 링크입니다. 파일을 안으로 복사하세요",
    "clip.not_found": "파일이 없습니다: {shown}(경로는 이 체험기 폴더 기준입니다)",
    "clip.not_found_near": (
        "파일이 없습니다: {shown}(경로는 이 체험기 폴더 기준입니다). {nearest}을(를) 쓰려던 건가요?"
    ),
    "clip.folder": "{shown}은(는) 파일이 아니라 폴더입니다",
    "clip.not_regular": (
        "{shown}은(는) 일반 파일이 아닙니다(파이프, 소켓, 장치). 결과물은 파일이어야 합니다"
    ),
    # Media, fetching and the lock file
    "media.empty": "빈 파일입니다(0바이트)",
    "media.unreadable": "ffmpeg이 읽을 수 있는 영상이나 이미지 파일이 아닙니다({detail})",
    "media.pixels_early": (
        "그림이 {width}×{height}(으)로 limits.pixels({limit:,}픽셀)보다 큽니다. 디코딩 전에 "
        "거절했습니다"
    ),
    "media.pixels": "그림이 {width}×{height}(으)로 limits.pixels({limit:,}픽셀)보다 큽니다",
    "media.too_long": (
        "클립 길이가 {seconds:,.1f}초로 limits.clip_seconds({limit:,g}초)보다 깁니다. 자르거나 "
        "extra.magazine에서 한도를 올리세요"
    ),
    "media.no_stream": "파일에 영상이나 이미지 스트림이 없습니다",
    "media.size_unreadable": (
        "limits.pixels({limit:,}픽셀) 안에서 그림 크기를 읽을 수 없습니다. 더 크거나 깨진 "
        "파일이라 디코딩 전에 거절했습니다"
    ),
    "media.no_picture": "디코딩할 수 있는 그림이 없습니다",
    "media.truncated": (
        "잘렸거나 깨진 파일입니다: 헤더는 {header:.2f}초라는데 {readable:.2f}초만 읽힙니다. "
        "다시 내려받거나 복사해 보세요"
    ),
    "media.corrupt_after": "{frames}프레임 뒤부터 깨져 있습니다({detail})",
    "media.webp_corrupt": "잘렸거나 깨진 애니메이션 WebP입니다",
    "media.webp_empty": "프레임이 없는 애니메이션 WebP입니다",
    "media.clip": "{source}: {reason}{more}",
    "media.failed": "결과물을 처리하지 못했습니다: {detail}",
    "measure.partial": "프레임 {count}개만 측정했습니다: {reason}{said}",
    "measure.partial_one": "프레임 하나만 측정했습니다: {reason}{said}",
    "measure.nothing": "디코딩된 프레임이 없어 아무것도 측정하지 못했습니다",
    "measure.as_kept": "이전 버전이 남긴 기록: {detail}",
    "media.measured_part": "이 클립은 일부만 측정했습니다 ({detail})",
    "fetch.failed": "결과물을 내려받지 못했습니다: {detail}",
    "lock.json": "올바른 JSON이 아닙니다: {detail}",
    "lock.clips": "기록의 객체여야 합니다(파일을 지우고 다시 시작하세요)",
    "lock.version": "{version}이어야 합니다(지금은 {got})",
    "lock.key": "키는 URL의 SHA-256(16진수 소문자)이어야 합니다",
    "lock.record": "url, sha256(16진수), size, content_type, fetched_at이 모두 있어야 합니다",
    # Pages and their addresses
    "claim.latest": "최신 체험기 페이지",
    "claim.comparisons": "비교 목록",
    "claim.services": "서비스 목록",
    "claim.leaderboard": "리더보드",
    "claim.reports": "월간 리포트 목록",
    "claim.tags": "태그 페이지",
    "claim.data_page": "공개 데이터 페이지",
    "claim.data_file": "공개 데이터 파일",
    "service_claim.number": "10이나 29.97 같은 숫자로 쓰세요",
    "service_claim.resolution": "1080p나 1920x1080처럼 쓰세요 ({got})",
    "service_claim.order": "주장은 오래된 것부터, 하루에 하나씩 쓰세요 ({earlier} 다음에 {later})",
    "claim.measured_schema": "공개 데이터 측정값의 JSON 스키마",
    "claim.feed": "피드",
    "claim.style": "매거진 스타일시트",
    "claim.script": "매거진 스크립트",
    "claim.viewer_style": "비교 뷰어 스타일시트",
    "claim.viewer_script": "비교 뷰어 스크립트의 모듈",
    "claim.home": "첫 페이지",
    "claim.entry": "{path}의 페이지",
    "claim.comparison": "{path}의 비교",
    "claim.service": "서비스 {key}의 페이지",
    "claim.attempts": "서비스 {key}의 모든 시도 페이지",
    "claim.report": "{month} 리포트",
    "claim.list": "전체 체험기 목록",
    "claim.list_page": "전체 체험기 목록의 {number}쪽",
    "claim.reserved": "{what}(예약됨)",
    "claim.taken": (
        "{what}의 페이지 주소 {path}은(는) {other}의 주소이기도 해서 하나가 다른 하나를 "
        "덮어씁니다. "
        "{remedy}"
    ),
    "claim.unportable": "{what}의 페이지 주소 {path}: {reason}. {remedy}",
    "claim.writer_page": (
        "매거진이 같은 자리에 페이지 {rel}을(를) 만듭니다. 이 파일의 이름을 바꾸거나 옮기세요"
    ),
    "claim.writer_media": (
        "매거진이 같은 자리에 미디어 파일 {rel}을(를) 만듭니다. 이 파일의 이름을 바꾸거나 옮기세요"
    ),
    "remedy.slug": "다른 slug를 고르세요",
    "remedy.file": "파일 이름을 바꾸거나 slug:로 다른 주소를 정하세요",
    "remedy.experiment": "다른 experiment 키를 고르세요",
    "remedy.prompt": "experiment:로 다른 키를 정하세요",
    "remedy.service": "다른 서비스 키를 고르세요",
    "link.no_page": "링크 {target}이(가) 사이트의 어느 페이지로도 이어지지 않습니다",
    "link.mkdocs": "링크 {target}: {detail}",
    "link.mkdocs_other": "{kind} {target}: {detail}",
    "hint.choice": "{item}",
    "hint.choices": "{first}, {last}",
    # Warnings
    "warning.site_url_unset": (
        "mkdocs.yml에 site_url이 없습니다. 피드의 링크는 상대 경로가 되고, 사이트맵은 비고, "
        "404.html은 호스트 루트의 /assets/를 읽으며(user.github.io/repo/ 같은 프로젝트 "
        "경로에서는 깨짐) 링크 미리보기에 그림이 없습니다. site_url을 정하거나 --site-url "
        "https://USER.github.io/REPO/로 빌드하세요"
    ),
    "time.date_only_zoned": "날짜만으로는 부족합니다. {example}처럼 시각을 더하세요",
    "time.no_offset_zoned": "UTC 오프셋이 없고 시각으로 읽을 수 없습니다. {example}처럼 쓰세요",
    # Consistency warnings and the media store
    "consistency.pending_delivered": (
        "값이 있는데 상태가 pending입니다. status: delivered로 바꾸거나(magazine deliver) "
        "delivered_at을 지우세요"
    ),
    "consistency.pending_clips": (
        "결과물이 있는데 상태가 pending입니다. status: delivered로 바꾸거나(magazine deliver) "
        "결과물을 지우세요"
    ),
    "consistency.delivered_is_submitted": (
        "submitted_at과 같아서 대기 시간이 0초로 보입니다. submitted_at에서 복사한 값인가요?"
    ),
    "consistency.checked_after": (
        "delivered_at보다 뒤입니다. 도착한 뒤의 확인은 의미가 없으니 checked_at을 지우세요"
        "(대기 시간은 delivered_at − submitted_at)"
    ),
    "consistency.checked_is_submitted": (
        "submitted_at과 같아서 {status} 대기 시간이 ≥ 0초로 보입니다. 마지막으로 확인한 때로 "
        "바꾸거나(magazine checked) 지우세요"
    ),
    "consistency.split_prompt": (
        "{other}와 프롬프트가 같지만 여기는 {here}, 그쪽은 {there}이라 비교가 둘로 나뉩니다. "
        "두 곳에 같은 experiment 키를 쓰세요(magazine resend가 그렇게 합니다)"
    ),
    "consistency.experiment_key": "experiment 키 {key}",
    "consistency.no_experiment_key": "experiment 키 없음",
    "store.needs_base_url": (
        "media_base_url이 필요합니다. 독자가 이 객체들을 읽어 갈 공개 주소입니다(공개 버킷이나 "
        "그 앞의 CDN)"
    ),
    "store.needs_store": (
        "media_store가 필요합니다. `magazine media push`가 미디어를 올리고 확인할 "
        "s3://BUCKET/PREFIX입니다"
    ),
    "store.address": "s3://bucket/prefix 같은 주소여야 합니다",
    "store.credentials": (
        "자격 증명이나 포트를 넣으면 안 됩니다. 저장소의 키와 엔드포인트는 AWS_ACCESS_KEY_ID, "
        "AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL_S3나 프로필에서 옵니다"
    ),
    "store.query": "쿼리나 프래그먼트를 넣으면 안 됩니다. s3://bucket/prefix처럼 쓰세요",
    "store.bucket": "버킷 이름은 영문 소문자, 숫자, 점, 하이픈 3~63자여야 합니다",
    "store.prefix": "접두어는 magazine/media-root 같은 평범한 경로여야 합니다",
    "settings.language": "매거진의 말로 쓸 수 있는 ko나 en이어야 합니다",
    "settings.language_near": "매거진의 말로 쓸 수 있는 ko나 en이어야 합니다 {hint}",
    "yaml.cut_short": "값이 끝나기 전에 파일이 끝났습니다 — 저장 중이던 파일인가요?",
    # The desk commands
    "desk.not_an_entry": "{text}은(는) 이 매거진의 체험기 파일이 아닙니다",
    "desk.open_attempts": "{text}에 열린 시도가 {count}개 있습니다({listed}). 하나를 고르세요",
    "desk.no_open_attempt": "{text}에 열린 시도가 없습니다. 체험기를 slug나 경로로 가리키세요",
    "desk.nothing_named": "이 매거진에 {text}(이)라는 체험기, slug, 서비스가 없습니다",
    "desk.delivery_before": "{shown}: 도착 시각이 submitted_at보다 앞섭니다",
    "desk.time_before": "{shown}: 시각이 submitted_at보다 앞섭니다",
    "desk.unknown_service": "알 수 없는 서비스 {name}입니다(있는 것: {listed})",
    "desk.delivered_already": (
        "{shown}은(는) 이미 도착했습니다. 바꾸려면 status, delivered_at, clips를 직접 고치세요"
    ),
    "desk.submitted_offset": "{shown}: submitted_at에 먼저 UTC 오프셋이 있는 시각을 쓰세요",
    "desk.no_clip_file": "결과물 파일 {source}이(가) 없습니다",
    "desk.no_free_name": "{folder}에 {name}(으)로 쓸 빈 이름이 없습니다",
    "time.unreadable": (
        "{text}을(를) 시각으로 읽을 수 없습니다. {example}, 2025-01-03 10:00, now처럼 쓰세요"
    ),
    "time.option_no_offset": (
        "{text}에 UTC 오프셋이 없습니다. {example}처럼 쓰거나, mkdocs.yml에 "
        "extra.magazine.timezone을 정해 이런 시각을 매거진의 시간대로 읽게 하세요"
    ),
    "usage.prompt_twice": "--prompt와 --prompt-file 중 하나만 주세요",
    "usage.prompt_missing": "--prompt나 --prompt-file을 주거나, 프롬프트를 표준 입력으로 넘기세요",
    "usage.no_folder": "{name}을(를) 쓸 폴더 {folder}이(가) 없습니다",
    # magazine new
    "new.title_empty": "제목이 비어 있습니다",
    "new.title_control": "제목에 제어 문자가 있습니다",
    "new.same_attempt": (
        "{same}에 이 시도({service}, 같은 프롬프트, {when})가 이미 있습니다. 그 파일을 고치거나 "
        "다른 --now를 주세요"
    ),
    "new.no_free_name": "{folder}에 {base}(으)로 쓸 빈 파일 이름이 없습니다",
    "new.prompt_empty": "프롬프트가 비어 있습니다",
    "new.prompt_control": "프롬프트에 제어 문자({code})가 있습니다",
    "new.no_offset": "준 시각에 UTC 오프셋이 없습니다(extra.magazine.timezone도 없음)",
    "new.unknown_service": (
        "알 수 없는 서비스 {name}입니다(있는 것: {listed}). 먼저 {file}에 더하세요"
    ),
    "new.no_services": "{folder}/services.yml이 없습니다. 먼저 거기에 서비스를 적으세요",
    "new.delivered": (
        "새 체험기는 delivered로 시작할 수 없습니다. 기록한 뒤 magazine deliver를 쓰세요"
    ),
    "new.experiment": "--experiment {value}: 영문 소문자, 숫자, -, _만 쓰세요",
    "new.model": "--model이 비어 있거나 제어 문자가 있습니다",
    "new.plan": "--plan {value}: {known} 중 하나여야 합니다",
    "new.promised_wait": "--promised-wait: {reason}",
    # What ffmpeg was asked and said, under a clip's problem
    "media.more": "{command}{said}",
    "media.command": "\n  실행한 명령: {command}",
    "media.said": "\n  ffmpeg의 출력:\n    {lines}",
}
