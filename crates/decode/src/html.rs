pub fn sniff(_b: &[u8]) -> bool { false }
pub fn decode_charset(b: &[u8]) -> Result<(String, crate::Encoding, Vec<String>), crate::DecodeError> { crate::text::decode_text(b) }
pub fn extract(t: &str) -> Result<(String, Vec<String>), crate::DecodeError> { Ok((t.to_string(), vec![])) }
