"""Why a bundle or a package is refused: one exception, one catalogue of reasons (zh / en).

A refusal names the member it concerns ('' for the file as a whole) and a reason code; the file is
refused whole and nothing of it is stored. `UNREADABLE` reasons mean the file is not a zip at all,
or not the kind of file asked for (a return package given as a bundle): exit 2 on the command line;
every other reason is a refusal (exit 1).
"""

from __future__ import annotations

from typing import Any


class Refused(Exception):
    """The file is refused whole: ``member`` (or '') and ``reason`` (a key of REASONS)."""

    def __init__(self, member: str, reason: str, **params: Any) -> None:
        super().__init__(f"{member}: {reason}")
        self.member = member
        self.reason = reason
        self.params = params

    @property
    def unreadable(self) -> bool:
        return self.reason in UNREADABLE


UNREADABLE = frozenset({"not_found", "not_a_zip", "wrong_kind"})

# reason → (zh, en); {name} placeholders come from the refusal's params.
REASONS: dict[str, tuple[str, str]] = {
    # the file itself
    "not_found": ("文件不存在或无法读取", "the file does not exist or cannot be read"),
    "not_a_zip": ("不是 zip 文件", "not a zip file"),
    "too_large": ("文件超过 {max} 的上限", "the file exceeds the {max} limit"),
    "wrong_kind": ("不是{expected_zh}（这是{found_zh}）", "not a {expected_en} (this is a {found_en})"),
    # member names and the zip's structure
    "path_traversal": ("成员路径含“..”或为绝对路径", "member path contains '..' or is absolute"),
    "duplicate_member": ("同名成员出现两次", "the same member name appears twice"),
    "extra_member": ("多出的成员（清单中没有）", "extra member (not in the manifest)"),
    "missing_member": ("缺少清单中列出的成员", "a member listed in the manifest is missing"),
    "encrypted_member": ("成员被加密", "the member is encrypted"),
    "unsupported_compression": ("成员的压缩方式不受支持", "the member's compression is not supported"),
    "oversized_member": ("成员大小 {size} 超过上限 {max}", "member size {size} exceeds the {max} limit"),
    "zip_bomb": (
        "压缩比 {ratio}:1 超过上限 {max}:1（疑似 zip 炸弹）",
        "compression ratio {ratio}:1 exceeds {max}:1 (a zip bomb?)",
    ),
    "size_mismatch": (
        "实际大小 {actual} 与声明的 {declared} 不符",
        "actual size {actual} differs from the declared {declared}",
    ),
    "hash_mismatch": ("内容的 SHA-256 与清单不符", "the content's SHA-256 differs from the manifest"),
    "corrupt_member": ("成员已损坏（{detail}）", "the member is damaged ({detail})"),
    # the manifest and its signature
    "manifest_invalid": ("清单格式不正确（{detail}）", "the manifest is not valid ({detail})"),
    "unsupported_format": ("不支持的格式版本 {value}", "unsupported format version {value}"),
    "manifest_signature_bad": ("清单签名不正确", "the manifest signature does not verify"),
    "signer_unknown": (
        "签名人未经本机构登记（请先登记其密钥）",
        "the signer is not enrolled by this office (enrol the key first)",
    ),
    "signer_revoked": (
        "签名人证书已于 {revoked_at} 吊销",
        "the signer's certificate was revoked on {revoked_at}",
    ),
    "signer_expired": ("签名人证书已过期", "the signer's certificate has expired"),
    # records
    "record_invalid": ("记录格式不正确（{detail}）", "the record is not valid ({detail})"),
    "record_id_mismatch": ("记录编号与文件名不符", "the record id differs from its file name"),
    "record_signature_bad": ("记录签名不正确", "the record's signature does not verify"),
    "record_signer_unknown": ("记录的签名人未经登记", "the record's signer is not enrolled"),
    "record_signer_revoked": (
        "记录签名时签名人证书已吊销",
        "the record's signer was revoked when it was signed",
    ),
    "record_signer_expired": (
        "记录签名时签名人证书已过期",
        "the record's signer had expired when it was signed",
    ),
    "record_device_mismatch": ("记录来自另一台设备", "the record comes from another device"),
    "request_invalid": ("登记申请无效（{detail}）", "the enrolment request is not valid ({detail})"),
    "certificate_invalid": ("证书无效", "the certificate is not valid"),
    # return packages (laptop side)
    "foreign_office": (
        "来自另一检查机构（根证书 {root} 与本机登记的不符）",
        "from another office (root {root} is not the one this laptop trusts)",
    ),
    "foreign_device": ("是发给另一台设备的（{device}）", "addressed to another device ({device})"),
    "rollback": (
        "编号 {number} 不新于已应用的 {last}（旧包或重放）",
        "number {number} is not newer than {last} already applied (old or replayed package)",
    ),
    "trust_list_rollback": (
        "信任列表版本 {version} 低于已有的 {held}",
        "trust list version {version} is lower than the {held} held",
    ),
    "trust_list_expired": ("信任列表已于 {expires_at} 过期", "the trust list expired on {expires_at}"),
    "trust_list_invalid": ("信任列表无效（{detail}）", "the trust list is not valid ({detail})"),
    "office_unconfirmed": (
        "首次导入需要核对检查机构根证书指纹 {root}",
        "a first package needs the office's root fingerprint {root} confirmed",
    ),
    "decision_invalid": ("审核决定的签名无效（{detail}）", "a review decision does not verify ({detail})"),
    "reference_invalid": ("参考文件无效（{detail}）", "a reference file is not valid ({detail})"),
    "cancelled": ("已取消，未写入任何内容", "cancelled; nothing was written"),
    "office_busy": (
        "本机构数据库正由另一个导入或程序写入（{holders}），等候超时；本数据包未写入任何内容，请稍后重新导入",
        "the office database is being written by another import or program ({holders}) and was not "
        "free in time; nothing of this bundle was written: import it again later",
    ),
    # paper: sync codes and summaries (sync.paper, sync.scan_import)
    "pieces_missing": (
        "同步码不全：共 {total} 个，缺第 {missing} 个",
        "sync codes incomplete: {total} in all, number {missing} missing",
    ),
    "pieces_disagree": (
        "同一记录的同步码互相矛盾（同一编号内容不同，或总数不同）",
        "the sync codes of one record disagree (one number read with two contents, or two totals)",
    ),
    "sync_code_damaged": ("同步码内容损坏（{detail}）", "the sync codes' content is damaged ({detail})"),
    "sync_code_mismatch": (
        "同步码与其标注的记录不符（{detail}）",
        "the sync codes do not match the record they name ({detail})",
    ),
    "summary_unreadable": ("二维码摘要无法解读（{detail}）", "the QR summary cannot be read ({detail})"),
    "summary_signature_bad": ("二维码摘要签名不正确", "the QR summary's signature does not verify"),
    # scanned files (pdf.scan)
    "scan_not_a_file": ("不是文件", "not a file"),
    "scan_cannot_open": ("无法打开（{detail}）", "cannot be opened ({detail})"),
    "scan_too_large": ("文件超过 {max} 的上限", "the file exceeds the {max} limit"),
    "scan_too_many_pages": ("共 {pages} 页，超过上限 {max} 页", "{pages} pages, more than the {max} allowed"),
    "scan_unsupported": ("不是 PDF、PNG 或 JPEG 文件", "not a PDF, PNG or JPEG file"),
    "scan_damaged_pdf": ("PDF 已损坏或加密（{detail}）", "the PDF is damaged or encrypted ({detail})"),
    "scan_damaged_image": ("图像已损坏（{detail}）", "the image is damaged ({detail})"),
    "scan_image_too_large": (
        "图像 {pixels} 像素，超过上限 {max}",
        "the image has {pixels} pixels, more than the {max} allowed",
    ),
}


def describe(reason: str, params: dict[str, Any], lang: str = "zh") -> str:
    """The reason as a sentence in ``lang`` ('zh' or 'en')."""
    zh, en = REASONS.get(reason, (reason, reason))
    try:
        return (zh if lang == "zh" else en).format(**params)
    except (KeyError, IndexError):
        return zh if lang == "zh" else en
