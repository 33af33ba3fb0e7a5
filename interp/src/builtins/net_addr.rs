//! Socket addresses between Rust and TERAS: the prelude's `SocketAddr`/`IpAddr` structs keep
//! the IP's 128 bits in two `u64` halves (an IPv4 address in `lo`) so that they stay `Copy`;
//! these helpers convert both ways, resolve address arguments as std's `ToSocketAddrs` does,
//! and give std's `Display` text and predicates (`__net_addr_text`, `__net_ip_text`,
//! `__net_ip_query`, `__net_parse_addr`).

use super::super::util::{self, arg, raw_arg, type_error, R};
use super::super::{NativeCx, NativeResult};
use super::like;
use crate::value::{IntTy, Value};
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// A socket address argument: `"host:port"`, `(host, port)` or a prelude `SocketAddr`,
/// resolved as std's `ToSocketAddrs` does (the resolver's error when it fails).
pub(super) fn addr_of(v: &Value) -> R<io::Result<Vec<SocketAddr>>> {
    use std::net::ToSocketAddrs;
    let v = util::deref(v)?;
    let text = match &v {
        Value::Str(_) => util::str_of(&v)?,
        Value::Tuple(_) => {
            let (h, p) = util::unpair(&v)?;
            let host = match &h {
                Value::Str(_) => util::str_of(&h)?,
                other => return Err(type_error("host name", other)),
            };
            let port = util::int_of(&p)?.0;
            let port = u16::try_from(port).map_err(|_| util::panic(format!("port {port} out of range")))?;
            return Ok((host.as_str(), port).to_socket_addrs().map(Iterator::collect));
        }
        Value::Adt(_) => return Ok(Ok(vec![sock_addr(&v)?])),
        other => return Err(type_error("socket address", other)),
    };
    Ok(text.to_socket_addrs().map(Iterator::collect))
}

/// The IP address of fields `(hi, lo, v6)`.
pub(super) fn ip_from(hi: i64, lo: i64, v6: bool) -> IpAddr {
    if v6 {
        IpAddr::V6(Ipv6Addr::from(((hi as u64 as u128) << 64) | lo as u64 as u128))
    } else {
        IpAddr::V4(Ipv4Addr::from(lo as u64 as u32))
    }
}

/// `(hi, lo, v6)` of an IP address.
pub(super) fn ip_parts(ip: IpAddr) -> (i64, i64, bool) {
    match ip {
        IpAddr::V4(a) => (0, u32::from(a) as i64, false),
        IpAddr::V6(a) => {
            let n = u128::from(a);
            ((n >> 64) as u64 as i64, n as u64 as i64, true)
        }
    }
}

/// The address a prelude `SocketAddr` (fields `hi, lo: u64, port: u16, v6: bool`) holds.
pub(super) fn sock_addr(v: &Value) -> R<SocketAddr> {
    let v = util::deref(v)?;
    let Value::Adt(h) = &v else { return Err(type_error("SocketAddr", &v)) };
    let o = h.read().map_err(util::conflict)?;
    match o.fields.as_slice() {
        [hi, lo, port, v6] => {
            let ip = ip_from(util::int_of(hi)?.0, util::int_of(lo)?.0, util::bool_of(v6)?);
            Ok(SocketAddr::new(ip, util::int_of(port)?.0 as u16))
        }
        _ => Err(type_error("SocketAddr", &v)),
    }
}

/// A prelude `SocketAddr` built on `proto`.
pub(super) fn addr_value(proto: &Value, a: SocketAddr) -> R<Value> {
    let (hi, lo, v6) = ip_parts(a.ip());
    let fields = vec![Value::Int(hi, IntTy::U64), Value::Int(lo, IntTy::U64), Value::Int(a.port() as i64, IntTy::U16), Value::Bool(v6)];
    like(proto, fields)
}

/// `__net_addr_text(hi, lo, port, v6)`: std's Display of the socket address.
fn addr_text(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let ip = ip_from(util::int_of(&arg(args, 0)?)?.0, util::int_of(&arg(args, 1)?)?.0, util::bool_of(&arg(args, 3)?)?);
    let port = util::int_of(&arg(args, 2)?)?.0 as u16;
    Ok(Value::str(SocketAddr::new(ip, port).to_string()))
}

/// `__net_ip_text(hi, lo, v6)`: std's Display of the IP address.
fn ip_text(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let ip = ip_from(util::int_of(&arg(args, 0)?)?.0, util::int_of(&arg(args, 1)?)?.0, util::bool_of(&arg(args, 2)?)?);
    Ok(Value::str(ip.to_string()))
}

/// `__net_ip_query(hi, lo, v6, q)`: q 0 `is_loopback`, 1 `is_unspecified`, 2 `is_multicast`.
fn ip_query(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let ip = ip_from(util::int_of(&arg(args, 0)?)?.0, util::int_of(&arg(args, 1)?)?.0, util::bool_of(&arg(args, 2)?)?);
    Ok(Value::Bool(match util::int_of(&arg(args, 3)?)?.0 {
        0 => ip.is_loopback(),
        1 => ip.is_unspecified(),
        _ => ip.is_multicast(),
    }))
}

/// `__net_parse_addr(text, proto) -> Option<SocketAddr>` (`"127.0.0.1:80".parse()`).
fn parse_addr(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let text = util::str_of(&arg(args, 0)?)?;
    match text.parse::<SocketAddr>() {
        Ok(a) => Ok(util::some(cx, addr_value(&raw_arg(args, 1)?, a)?)),
        Err(_) => Ok(util::none(cx)),
    }
}

pub(super) fn register(r: &mut super::super::registry::Registry) {
    r.func("__net_addr_text", addr_text);
    r.func("__net_ip_text", ip_text);
    r.func("__net_ip_query", ip_query);
    r.func("__net_parse_addr", parse_addr);
}
